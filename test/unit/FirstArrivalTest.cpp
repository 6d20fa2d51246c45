//===--- FirstArrivalTest.cpp - async-lint --------------------------------===//
//
// Unit tests of what may run before a statement is first reached
// (Model/FirstArrival.h), on the CFG every analysis shares.
//
//===----------------------------------------------------------------------===//

#include "Model/AnalysisSession.h"
#include "Model/FirstArrival.h"
#include "TestAST.h"
#include "clang/Analysis/CFG.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
void before();
void wait();
void after();
void other();
void straight() { before(); wait(); after(); }
void branch(bool b) { if (b) wait(); else other(); after(); }
void loop(int n) { for (int i = 0; i < n; ++i) { wait(); after(); } }
void loop_back(int n) { while (n--) { after(); wait(); } }
void never() { return; wait(); }
void none();
void stopped() { wait(); other(); after(); }
void one_path_stopped(bool b) { wait(); if (b) other(); after(); }
)cpp";

/// The call of \p Name in \p FD.
const CallExpr *callOf(ASTContext &Ctx, const FunctionDecl &FD,
                       llvm::StringRef Name) {
  auto Found = match(
      functionDecl(equalsNode(&FD),
                   hasDescendant(callExpr(callee(functionDecl(hasName(Name))))
                                     .bind("c"))),
      Ctx);
  return Found.empty() ? nullptr : Found.front().getNodeAs<CallExpr>("c");
}

struct Arrival {
  bool Reached;
  bool BeforeRuns, AfterRuns, OtherRuns;
};

Arrival arrivalIn(ASTUnit &AST, llvm::StringRef Function) {
  ASTContext &Ctx = AST.getASTContext();
  const FunctionDecl *FD = async_lint_test::function(AST, Function);
  EXPECT_TRUE(FD);
  std::unique_ptr<CFG> Graph = model::buildFunctionCFG(*FD, Ctx);
  const CallExpr *Wait = callOf(Ctx, *FD, "wait");
  EXPECT_TRUE(Graph && Wait);
  model::FirstArrival A = model::firstArrival(*Graph, *Wait);
  auto Runs = [&](llvm::StringRef Name) {
    const CallExpr *Call = callOf(Ctx, *FD, Name);
    return Call && A.Before.contains(Call);
  };
  return {A.Reached, Runs("before"), Runs("after"), Runs("other")};
}

TEST(FirstArrival, WhatRunsOnThePathToTheFirstArrival) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  Arrival Straight = arrivalIn(*AST, "straight");
  EXPECT_TRUE(Straight.Reached);
  EXPECT_TRUE(Straight.BeforeRuns);
  EXPECT_FALSE(Straight.AfterRuns);
  // The other branch runs instead of the wait, never before it.
  Arrival Branch = arrivalIn(*AST, "branch");
  EXPECT_TRUE(Branch.Reached);
  EXPECT_FALSE(Branch.OtherRuns);
  EXPECT_FALSE(Branch.AfterRuns);
  // After the wait in a loop: only once the first wait has ended.
  EXPECT_FALSE(arrivalIn(*AST, "loop").AfterRuns);
  // Before the wait in the loop body: it runs first.
  EXPECT_TRUE(arrivalIn(*AST, "loop_back").AfterRuns);
  EXPECT_FALSE(arrivalIn(*AST, "never").Reached);
}

TEST(FirstArrival, MayRunAfter) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  ASTContext &Ctx = AST->getASTContext();
  const FunctionDecl *Branch = async_lint_test::function(*AST, "branch");
  std::unique_ptr<CFG> Graph = model::buildFunctionCFG(*Branch, Ctx);
  const CallExpr *Wait = callOf(Ctx, *Branch, "wait");
  EXPECT_TRUE(model::mayRunAfter(*Graph, *Wait, *callOf(Ctx, *Branch, "after")));
  EXPECT_FALSE(model::mayRunAfter(*Graph, *Wait, *callOf(Ctx, *Branch, "other")));
}

const char *Tails = R"cpp(
void wait();
void after();
struct Guard { ~Guard(); };
void last() { Guard g; after(); wait(); }
void then_return(bool b) { if (b) { wait(); return; } after(); }
void then_after() { wait(); after(); }
void branch_then(bool b) { if (b) wait(); after(); }
void in_loop(int n) { while (n--) wait(); }
)cpp";

bool nothingAfterWaitIn(ASTUnit &AST, llvm::StringRef Function) {
  ASTContext &Ctx = AST.getASTContext();
  const FunctionDecl *FD = async_lint_test::function(AST, Function);
  std::unique_ptr<CFG> Graph = FD ? model::buildFunctionCFG(*FD, Ctx) : nullptr;
  const CallExpr *Wait = FD ? callOf(Ctx, *FD, "wait") : nullptr;
  EXPECT_TRUE(Graph && Wait);
  return Graph && Wait && model::nothingRunsAfter(*Graph, *Wait);
}

TEST(FirstArrival, NothingRunsAfter) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Tails);
  // Only a local's destructor, or a return without a value, follows.
  EXPECT_TRUE(nothingAfterWaitIn(*AST, "last"));
  EXPECT_TRUE(nothingAfterWaitIn(*AST, "then_return"));
  EXPECT_FALSE(nothingAfterWaitIn(*AST, "then_after"));
  // Last in a branch, with code after the if; last in a loop, whose
  // condition runs next.
  EXPECT_FALSE(nothingAfterWaitIn(*AST, "branch_then"));
  EXPECT_FALSE(nothingAfterWaitIn(*AST, "in_loop"));
}

/// The calls \p Name met walking after the wait of \p Function, with the
/// walk stopped on each path at a call of \p Stop.
bool metAfterWait(ASTUnit &AST, llvm::StringRef Function, llvm::StringRef Name,
                  llvm::StringRef Stop) {
  ASTContext &Ctx = AST.getASTContext();
  const FunctionDecl *FD = async_lint_test::function(AST, Function);
  std::unique_ptr<CFG> Graph = FD ? model::buildFunctionCFG(*FD, Ctx) : nullptr;
  const CallExpr *Wait = FD ? callOf(Ctx, *FD, "wait") : nullptr;
  EXPECT_TRUE(Graph && Wait);
  if (!Graph || !Wait)
    return false;
  const CallExpr *Wanted = callOf(Ctx, *FD, Name);
  const CallExpr *Stopper = callOf(Ctx, *FD, Stop);
  bool Met = false;
  model::walkAfter(*Graph, *Wait, [&](const Stmt &S) {
    Met |= &S == Wanted;
    return &S == Stopper;
  });
  return Met;
}

TEST(FirstArrival, WalkAfter) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Code);
  EXPECT_TRUE(metAfterWait(*AST, "straight", "after", "none"));
  EXPECT_FALSE(metAfterWait(*AST, "straight", "before", "none"));
  // Round the loop, the call before the wait runs after it.
  EXPECT_TRUE(metAfterWait(*AST, "loop_back", "after", "none"));
  // A path ends where the walk says so.
  EXPECT_FALSE(metAfterWait(*AST, "stopped", "after", "other"));
  EXPECT_TRUE(metAfterWait(*AST, "one_path_stopped", "after", "other"));
}

} // namespace
