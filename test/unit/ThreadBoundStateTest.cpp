//===--- ThreadBoundStateTest.cpp - async-lint ----------------------------===//
//
// Unit tests of the event-list pre-filter of thread-bound state
// (ThreadBoundState::mayTake): it must say "maybe" wherever forEachTaking
// finds a taking, and "no" for the ordinary function that names no
// thread_local and calls nothing that hands out per-thread state.
//
//===----------------------------------------------------------------------===//

#include "Model/AnalysisSession.h"
#include "Model/CoroutineModel.h"
#include "Model/NameMatcher.h"
#include "Model/ThreadBoundState.h"
#include "TestAST.h"
#include "clang/Frontend/ASTUnit.h"
#include "gtest/gtest.h"

using namespace clang;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
namespace std::this_thread {
struct id {};
id get_id();
}
int *errno_location();
thread_local int counter;
int &counterRef() { return counter; }
int &plainRef(int &x) { return x; }
void none(int x) {
  int y = x + 1;
  int &r = plainRef(y);
  y = r;
}
void names() {
  int *p = &counter;
  (void)p;
}
void viaCall() {
  int &r = counterRef();
  (void)r;
}
void viaId() {
  auto id = std::this_thread::get_id();
  (void)id;
}
void viaListed() {
  int *e = errno_location();
  (void)e;
}
void inLambda() {
  auto f = [] { return counter; };
  (void)f;
}
)cpp";

TEST(ThreadBoundStateTest, MayTakeWhereverATakingIsFound) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  ASSERT_TRUE(AST);
  model::NameMatcher Affine("::errno_location");
  model::NameMatcher Ids("::std::this_thread::get_id");
  model::ThreadBoundState Bound(Affine, Ids);
  model::AnalysisSession Session;
  Session.startUnit();
  Session.enterUnit(AST->getASTContext());
  struct Expected {
    const char *Name;
    bool Takes;
  };
  // The lambda's body is its own function: inLambda's own code names no
  // thread_local.
  for (Expected E : {Expected{"none", false}, Expected{"names", true},
                     Expected{"viaCall", true}, Expected{"viaId", true},
                     Expected{"viaListed", true},
                     Expected{"inLambda", false}}) {
    const FunctionDecl *FD = async_lint_test::function(*AST, E.Name);
    ASSERT_TRUE(FD) << E.Name;
    unsigned Takings = 0;
    Bound.forEachTaking(
        *model::getUserBody(*FD),
        [&](const VarDecl &, const Stmt &, const model::ThreadTaking &) {
          ++Takings;
        },
        &Session.ownStmts(*FD));
    EXPECT_EQ(Takings != 0, E.Takes) << E.Name;
    EXPECT_EQ(Bound.mayTake(Session.events(*FD), Session.ownStmts(*FD)),
              E.Takes)
        << E.Name;
  }
}

} // namespace
