//===--- AnalysisSessionAnswersTest.cpp - async-lint ----------------------===//
//
// The session's answers about a function (FunctionAnswers) outlive its
// analyses: a caller judged after the function was freed asks for its lock
// order edges, its late parameter uses, what it does with a task handed to
// it, and no second CFG is built.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "Model/AnalysisSession.h"
#include "Model/LateParameterUses.h"
#include "Model/LibraryAnalyses.h"
#include "gtest/gtest.h"

using namespace clang;
namespace model = clang::tidy::async::model;

namespace {

using async_lint_test::function;
using async_lint_test::parse;

/// A session keeping a function's analyses while one other is judged after
/// it, on \p AST.
struct Unit {
  explicit Unit(ASTUnit &AST) : AST(AST) {
    Session.setKeptRetired(1);
    Id = Session.addLibrary(model::Library());
    Session.startUnit();
    Session.enterUnit(AST.getASTContext());
  }
  const FunctionDecl &fn(llvm::StringRef Name) {
    const FunctionDecl *FD = function(AST, Name);
    EXPECT_TRUE(FD) << Name.str();
    return *FD;
  }
  /// Judges \p Names in turn, asking nothing: the functions judged before
  /// them are freed.
  void moveOn(std::initializer_list<llvm::StringRef> Names) {
    for (llvm::StringRef Name : Names)
      Session.judging(fn(Name));
  }
  ASTUnit &AST;
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id = 0;
};

TEST(AnalysisSessionAnswers, LockOrderEdgesOutliveTheFunction) {
  auto AST = parse(R"cpp(
#include "coro/libcoro.hpp"
coro::mutex a, b;
coro::task<> forward() {
  auto first = co_await a.scoped_lock();
  auto second = co_await b.scoped_lock();
}
void one() {}
void two() {}
)cpp");
  Unit U(*AST);
  const FunctionDecl &Forward = U.fn("forward");
  U.Session.judging(Forward);
  // A check judging it asks its suspensions.
  U.Session.suspensionFlow(Forward, U.Id);
  U.moveOn({"one", "two"});
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  // Freed: the edges were kept as it went.
  EXPECT_EQ(U.Session.lockOrderEdges(Forward, U.Id).size(), 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

TEST(AnalysisSessionAnswers, LateUsesOutliveTheCoroutine) {
  auto AST = parse(R"cpp(
#include "concurrencpp/concurrencpp.h"
#include <utility>
concurrencpp::result<int> later(int &n, concurrencpp::result<int> r) {
  int v = co_await std::move(r);
  co_return n + v;
}
void one() {}
void two() {}
)cpp");
  Unit U(*AST);
  const FunctionDecl &Later = U.fn("later");
  model::LibraryAnalyses A{U.Session, U.Id, U.Session.library(U.Id)};
  U.Session.judging(Later);
  U.Session.pathFacts(Later, U.Id);
  U.Session.suspensionFlow(Later, U.Id);
  U.moveOn({"one", "two"});
  // 'n' is used after the coroutine may have suspended; 'r' only before.
  model::LateParameterUses Late;
  const Stmt *Use = Late.firstLateUse(Later, 0, A);
  ASSERT_TRUE(Use);
  EXPECT_FALSE(Late.firstLateUse(Later, 1, A));
  EXPECT_EQ(model::lateUsesOf(Later, A).size(), 3u);
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

TEST(AnalysisSessionAnswers, HandedTaskSummariesOutliveTheHelper) {
  auto AST = parse(R"cpp(
#include "coro/libcoro.hpp"
coro::task<int> work();
#include <utility>
void run(coro::task<int> t) { coro::sync_wait(std::move(t)); }
void first() { run(work()); }
void one() {}
void two() {}
void second() { run(work()); }
)cpp");
  Unit U(*AST);
  U.Session.judging(U.fn("run"));
  U.Session.judging(U.fn("first"));
  // The flow of 'first' summarises 'run' on its CFG.
  U.Session.taskFlow(U.fn("first"), U.Id);
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 2u);
  U.moveOn({"one", "two"});
  U.Session.judging(U.fn("second"));
  U.Session.taskFlow(U.fn("second"), U.Id);
  // 'run' was freed; what it does with 't' was kept.
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 3u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

TEST(AnalysisSessionAnswers, LateUsesKeptWhenOnlyThePathFactsWereAsked) {
  // The checks judging an eager coroutine asked only its path facts (not
  // its suspension flow): its late uses are still kept when it is freed,
  // from its CFG, so that a caller asking later builds none again.
  auto AST = parse(R"cpp(
#include "concurrencpp/concurrencpp.h"
#include <utility>
concurrencpp::result<int> later(int &n, concurrencpp::result<int> r) {
  int v = co_await std::move(r);
  co_return n + v;
}
void one() {}
void two() {}
)cpp");
  Unit U(*AST);
  const FunctionDecl &Later = U.fn("later");
  model::LibraryAnalyses A{U.Session, U.Id, U.Session.library(U.Id)};
  U.Session.judging(Later);
  U.Session.pathFacts(Later, U.Id);
  U.moveOn({"one", "two"});
  model::LateParameterUses Late;
  EXPECT_TRUE(Late.firstLateUse(Later, 0, A));
  EXPECT_FALSE(Late.firstLateUse(Later, 1, A));
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

TEST(AnalysisSessionAnswers, LockOrderEdgesWithoutAnAwaitedLock) {
  auto AST = parse(R"cpp(
#include "coro/libcoro.hpp"
coro::mutex a, b;
coro::task<> none();
coro::task<> unlocked() { co_await none(); }
coro::task<> locked() {
  auto first = co_await a.scoped_lock();
  auto second = co_await b.scoped_lock();
}
void one() {}
void two() {}
)cpp");
  Unit U(*AST);
  // Freed with only its path facts asked: the edges are kept from its CFG.
  const FunctionDecl &Locked = U.fn("locked");
  U.Session.judging(Locked);
  U.Session.pathFacts(Locked, U.Id);
  U.moveOn({"one", "two"});
  EXPECT_EQ(U.Session.lockOrderEdges(Locked, U.Id).size(), 1u);
  // A coroutine that awaits no lock has no edges, and no CFG is built to
  // tell.
  EXPECT_TRUE(U.Session.lockOrderEdges(U.fn("unlocked"), U.Id).empty());
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

TEST(AnalysisSessionAnswers, AnswersKeptForAnotherConfiguration) {
  // Analysed under one library configuration, asked under another after
  // it was freed: the answers were kept for every configuration.
  auto AST = parse(R"cpp(
#include "concurrencpp/concurrencpp.h"
#include <utility>
concurrencpp::result<int> later(int &n, concurrencpp::result<int> r) {
  int v = co_await std::move(r);
  co_return n + v;
}
void one() {}
void two() {}
)cpp");
  Unit U(*AST);
  model::AnalysisSession::LibraryId Other =
      U.Session.addLibrary(model::Library([](StringRef Name, StringRef Default) {
        return Name == "SpawnFunctions" ? std::string("::my::spawn")
                                        : Default.str();
      }));
  ASSERT_NE(Other, U.Id);
  const FunctionDecl &Later = U.fn("later");
  U.Session.judging(Later);
  U.Session.pathFacts(Later, U.Id);
  U.moveOn({"one", "two"});
  model::LibraryAnalyses A{U.Session, Other, U.Session.library(Other)};
  model::LateParameterUses Late;
  EXPECT_TRUE(Late.firstLateUse(Later, 0, A));
  EXPECT_TRUE(U.Session.lockOrderEdges(Later, Other).empty());
  EXPECT_EQ(U.Session.stats().CFGsBuilt, 1u);
  EXPECT_EQ(U.Session.stats().CFGsBuiltAgain, 0u);
}

} // namespace
