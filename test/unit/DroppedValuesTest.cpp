//===--- DroppedValuesTest.cpp - async-lint -------------------------------===//
//
// Unit tests of what a statement discards and which containers destroy only
// what they hold (Model/DroppedValues.h).
//
//===----------------------------------------------------------------------===//

#include "Model/DropHandOffs.h"
#include "Model/DroppedValues.h"
#include "TestAST.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

using namespace clang;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include <vector>
struct bag {
  int *begin();
  void swap(bag &);
};
int make();
void discards(bool B) {
  make();
  (void)make();
  if (B)
    make();
  for (int I = 0; I < 2; ++I)
    make();
  int Kept = make();
  std::vector<int> V;
  bag X, Y;
  X.swap(Y);
}
)cpp";

TEST(DroppedValuesTest, DiscardedChildrenOfABody) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  const FunctionDecl *FD = async_lint_test::function(*AST, "discards");
  ASSERT_TRUE(FD);
  const auto *Body = cast<CompoundStmt>(FD->getBody());
  // The body's own expression statements: make(), (void)make() and the
  // swap; a declaration or a branch is not an expression.
  unsigned Statements = 0, VoidCasts = 0;
  model::forEachDiscardedChild(*Body, [&](const Expr *E, bool Statement) {
    Statements += Statement;
    VoidCasts += model::isVoidCast(E);
  });
  EXPECT_EQ(Statements, 3u);
  EXPECT_EQ(VoidCasts, 1u);
  // A for loop's increment is discarded, but is not a whole statement.
  const auto *For = cast<ForStmt>(Body->body_begin()[3]);
  unsigned Increments = 0, Whole = 0;
  model::forEachDiscardedChild(*For, [&](const Expr *, bool Statement) {
    Increments += !Statement;
    Whole += Statement;
  });
  EXPECT_EQ(Increments, 1u);
  EXPECT_EQ(Whole, 1u);
}

TEST(DroppedValuesTest, ContainersAndExchanges) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  const FunctionDecl *FD = async_lint_test::function(*AST, "discards");
  ASSERT_TRUE(FD);
  const auto *Body = cast<CompoundStmt>(FD->getBody());
  const auto *Decl = cast<DeclStmt>(Body->body_begin()[5]);
  const auto *V = cast<VarDecl>(Decl->getSingleDecl());
  const VarDecl *X = model::exchangesContents(*Body->body_begin()[7]);
  ASSERT_TRUE(X);
  EXPECT_EQ(X->getName(), "X");
  // std::vector is a standard container; a class of one's own with begin()
  // is not (it may start what it is given).
  EXPECT_TRUE(model::isStdContainer(V->getType()));
  EXPECT_FALSE(model::isStdContainer(X->getType()));
  EXPECT_EQ(model::exchangesContents(*Body->body_begin()[0]), nullptr);
}


const char *HandOffCode = R"cpp(
#include <coroutine>
#include <utility>
struct work {};
void submit(work);
// Submits its work when destroyed unawaited, as awaiting does.
struct submits {
  work W;
  ~submits() { submit(std::move(W)); }
  bool await_ready();
  void await_suspend(std::coroutine_handle<>) { submit(std::move(W)); }
  void await_resume();
};
// Its destructor only destroys.
struct destroys {
  int *P;
  ~destroys() { delete P; }
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
// Its destructor moves out what awaiting does not.
struct other {
  work W, Spare;
  ~other() { submit(std::move(Spare)); }
  bool await_ready();
  void await_suspend(std::coroutine_handle<>) { submit(std::move(W)); }
  void await_resume();
};
submits a() { return {}; }
destroys b() { return {}; }
other c() { return {}; }
)cpp";

TEST(DroppedValuesTest, AwaitablesThatHandTheirWorkOn) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(HandOffCode);
  auto Returned = [&](const char *Name) {
    const FunctionDecl *FD = async_lint_test::function(*AST, Name);
    return FD ? FD->getReturnType() : QualType();
  };
  EXPECT_TRUE(model::handsOnWhenDropped(Returned("a")));
  EXPECT_FALSE(model::handsOnWhenDropped(Returned("b")));
  EXPECT_FALSE(model::handsOnWhenDropped(Returned("c")));
}

} // namespace
