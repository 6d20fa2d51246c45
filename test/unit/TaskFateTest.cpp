//===--- TaskFateTest.cpp - async-lint ------------------------------------===//
//
// The task-fate lattice (TaskFateLattice.h): its join and each transfer on
// hand-made states, then TaskFlow's answers on the CFG where the order of
// the source is not the order things run in (a loop, a goto, a switch, an
// early return, an await on one branch), against the same flow without a
// CFG, which takes a local's uses in source order.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "Model/AnalysisSession.h"
#include "Model/TaskFateLattice.h"
#include "Model/TaskFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

using async_lint_test::function;
using async_lint_test::parse;
using K = model::TaskEvent::Kind;
using Fates = model::LocalFates;

/// Two locals to key states by, and stand-ins for stored values.
struct Locals {
  std::unique_ptr<ASTUnit> AST = parse("void f() { int a, b; a; }");
  const VarDecl *A = var("a");
  const VarDecl *B = var("b");
  int Values[4] = {};
  model::TaskValue V(unsigned I) const { return &Values[I]; }
  SourceLocation Loc = A->getLocation();

  const VarDecl *var(llvm::StringRef Name) {
    auto Found = match(varDecl(hasName(Name)).bind("v"), AST->getASTContext());
    return Found.front().getNodeAs<VarDecl>("v");
  }
  /// The mention of a.
  const Expr *mention() {
    auto Found = match(declRefExpr().bind("r"), AST->getASTContext());
    return Found.front().getNodeAs<Expr>("r");
  }
};

Fates fates(std::initializer_list<model::TaskValue> Held,
            std::initializer_list<model::TaskValue> Pending) {
  Fates F;
  F.Held.assign(Held.begin(), Held.end());
  F.Pending.assign(Pending.begin(), Pending.end());
  llvm::sort(F.Held);
  llvm::sort(F.Pending);
  return F;
}

TEST(TaskFateLattice, JoinIsTheUnionOfBothSetsPerLocal) {
  Locals L;
  model::TaskFateState Into;
  Into.Locals[L.A] = fates({L.V(0)}, {});
  model::TaskFateState From;
  From.Locals[L.A] = fates({L.V(1)}, {L.V(1)});
  From.Locals[L.B] = fates({L.V(2)}, {L.V(2)});
  EXPECT_TRUE(Into.join(From));
  // Held on either side, pending on either side (a may-analysis): what
  // one path consumed and the other did not may still be dropped.
  EXPECT_EQ(Into.Locals[L.A], fates({L.V(0), L.V(1)}, {L.V(1)}));
  EXPECT_EQ(Into.Locals[L.B], fates({L.V(2)}, {L.V(2)}));
  // Joining again adds nothing: the runner stops.
  EXPECT_FALSE(Into.join(From));
  model::TaskFateState Same = Into;
  EXPECT_FALSE(Into.join(Same));
  EXPECT_TRUE(Into == Same);
}

TEST(TaskFateLattice, JoinKeepsWhatIsPendingOnOneSideOnly) {
  Locals L;
  model::TaskFateState Awaited;
  Awaited.Locals[L.A] = fates({L.V(0)}, {});
  model::TaskFateState NotAwaited;
  NotAwaited.Locals[L.A] = fates({L.V(0)}, {L.V(0)});
  EXPECT_TRUE(Awaited.join(NotAwaited));
  EXPECT_EQ(Awaited.Locals[L.A].Pending.size(), 1u);
}

TEST(TaskFateLattice, StoreReplacesAndDropsWhatWasPending) {
  Locals L;
  model::TaskFateState S;
  S.Locals[L.A] = fates({L.V(0), L.V(1)}, {L.V(0)});
  model::ValueOutcomes Seen;
  model::transfer({K::Store, L.A, L.V(2), nullptr, L.Loc}, S, &Seen);
  EXPECT_EQ(S.Locals[L.A], fates({L.V(2)}, {L.V(2)}));
  EXPECT_TRUE(Seen[L.V(0)].MayDrop);
  EXPECT_EQ(Seen[L.V(0)].DroppedAt, L.Loc);
  // Consumed before the store: not dropped by it.
  EXPECT_FALSE(Seen.lookup(L.V(1)).MayDrop);
  EXPECT_FALSE(Seen.lookup(L.V(2)).MayDrop);
  // The same store run again (the next iteration of a loop) destroys what
  // it stored the time before, if nothing consumed it.
  model::transfer({K::Store, L.A, L.V(2), nullptr, L.Loc}, S, &Seen);
  EXPECT_TRUE(Seen.lookup(L.V(2)).MayDrop);
}

TEST(TaskFateLattice, AddKeepsWhatIsHeld) {
  Locals L;
  model::TaskFateState S;
  S.Locals[L.A] = fates({L.V(0)}, {L.V(0)});
  model::ValueOutcomes Seen;
  model::transfer({K::Add, L.A, L.V(1), nullptr, L.Loc}, S, &Seen);
  EXPECT_EQ(S.Locals[L.A], fates({L.V(0), L.V(1)}, {L.V(0), L.V(1)}));
  EXPECT_FALSE(Seen.lookup(L.V(0)).MayDrop);
}

TEST(TaskFateLattice, MentionIsSeenByEveryHeldValueAndConsumes) {
  Locals L;
  model::TaskFateState S;
  S.Locals[L.A] = fates({L.V(0), L.V(1)}, {L.V(1)});
  model::ValueOutcomes Seen;
  const Expr *Mention = L.mention();
  model::transfer({K::Mention, L.A, nullptr, Mention, L.Loc}, S, &Seen);
  EXPECT_EQ(Seen[L.V(0)].Mentions.size(), 1u);
  EXPECT_EQ(Seen[L.V(1)].Mentions.size(), 1u);
  EXPECT_TRUE(S.Locals[L.A].Pending.empty());
  EXPECT_EQ(S.Locals[L.A].Held.size(), 2u);
  // A mention of a local that holds nothing changes nothing.
  model::transfer({K::Mention, L.B, nullptr, Mention, L.Loc}, S, &Seen);
  EXPECT_FALSE(S.Locals.count(L.B));
  // The solver's run records nothing.
  model::transfer({K::Mention, L.A, nullptr, Mention, L.Loc}, S, nullptr);
  EXPECT_EQ(Seen[L.V(0)].Mentions.size(), 1u);
}

TEST(TaskFateLattice, DeathDropsWhatIsPending) {
  Locals L;
  model::TaskFateState S;
  S.Locals[L.A] = fates({L.V(0), L.V(1)}, {L.V(1)});
  model::ValueOutcomes Seen;
  model::transfer({K::Death, L.A, nullptr, nullptr, L.Loc}, S, &Seen);
  EXPECT_TRUE(Seen[L.V(1)].MayDrop);
  EXPECT_FALSE(Seen.lookup(L.V(0)).MayDrop);
  EXPECT_FALSE(S.Locals.count(L.A));
}

// A value still pending when the exit is reached (a parameter's: locals
// die before it) is dropped there; one consumed on the way is not.
TEST(TaskFateLattice, ExitDropsWhatIsStillPending) {
  Locals L;
  std::unique_ptr<CFG> Graph = model::buildFunctionCFG(
      *function(*L.AST, "f"), L.AST->getASTContext());
  ASSERT_TRUE(Graph);
  model::TaskFateState Entry;
  Entry.Locals[L.A] = fates({L.V(0)}, {L.V(0)});
  Entry.Locals[L.B] = fates({L.V(1)}, {});
  model::BlockEvents None(Graph->getNumBlockIDs());
  model::ValueOutcomes Seen = model::solveTaskFates(
      *Graph, None, Entry, [&](const VarDecl *) { return L.Loc; });
  EXPECT_TRUE(Seen.lookup(L.V(0)).MayDrop);
  EXPECT_EQ(Seen.lookup(L.V(0)).DroppedAt, L.Loc);
  EXPECT_FALSE(Seen.lookup(L.V(1)).MayDrop);
}

/// TaskFlow on a function's CFG (from the session) and without one.
struct Flows {
  std::unique_ptr<ASTUnit> AST;
  model::Library Lib;
  model::AnalysisSession Session;
  model::AnalysisSession::LibraryId Id;

  explicit Flows(llvm::StringRef Code)
      : AST(parse(std::string("#include \"task.h\"\n") + Code.str())) {
    Session.startUnit();
    Session.enterUnit(AST->getASTContext());
    Id = Session.addLibrary(Lib);
  }
  const CallExpr *call(llvm::StringRef Fn, llvm::StringRef Callee) {
    auto Found =
        match(callExpr(callee(functionDecl(hasName(Callee))),
                       hasAncestor(functionDecl(hasName(Fn))))
                  .bind("c"),
              AST->getASTContext());
    EXPECT_EQ(Found.size(), 1u) << Callee.str();
    return Found.front().getNodeAs<CallExpr>("c");
  }
  model::TaskFate onCFG(llvm::StringRef Fn, llvm::StringRef Callee) {
    return Session.taskFlow(*function(*AST, Fn), Id).fateOf(call(Fn, Callee));
  }
  model::TaskFate inSourceOrder(llvm::StringRef Fn, llvm::StringRef Callee) {
    model::TaskFlow Flow(*function(*AST, Fn), Lib, AST->getASTContext());
    return Flow.fateOf(call(Fn, Callee));
  }
};

using Fate = model::TaskFate::Kind;

TEST(TaskFlowOnCFG, LoopAwaitsTheTaskBeforeItIsCreatedInTheSourceOnly) {
  Flows F(R"cpp(
demo::task<int> first();
demo::task<int> next();
demo::task<> loop(int N) {
  auto T = first();
  for (int I = 0; I < N; ++I) {
    co_await T;
    T = next();
  }
}
)cpp");
  // In the source, the await of T comes before next(); it runs after it
  // on the next iteration only, and the last next() is never awaited.
  model::TaskFate Next = F.onCFG("loop", "next");
  EXPECT_EQ(Next.What, Fate::AwaitedLater);
  EXPECT_TRUE(Next.DroppedWhere.isValid());
  EXPECT_FALSE(F.inSourceOrder("loop", "next").DroppedWhere.isValid());
  // first() is awaited on the first iteration, or dropped with no
  // iteration at all.
  EXPECT_TRUE(F.onCFG("loop", "first").DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, LoopOverwritesWhatItStoredOnTheIterationBefore) {
  Flows F(R"cpp(
demo::task<int> first();
demo::task<int> next();
demo::task<> reassigned(int N) {
  auto T = first();
  for (int I = 0; I < N; ++I) {
    if (I % 2)
      co_await T;
    T = next();
  }
  co_await T;
}
)cpp");
  // Where the await is skipped, the next iteration's store destroys the
  // task before anything awaited it.
  model::TaskFate Next = F.onCFG("reassigned", "next");
  EXPECT_EQ(Next.What, Fate::AwaitedLater);
  EXPECT_TRUE(Next.DroppedWhere.isValid());
  EXPECT_FALSE(F.inSourceOrder("reassigned", "next").DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, OverwrittenTaskIsDropped) {
  Flows F(R"cpp(
demo::task<int> old_one();
demo::task<int> new_one();
demo::task<> overwrite() {
  auto T = old_one();
  T = new_one();
  co_await T;
}
)cpp");
  // Source order sees the await of T for both; old_one's task is
  // destroyed by the assignment before anything awaits it.
  EXPECT_EQ(F.inSourceOrder("overwrite", "old_one").What, Fate::AwaitedLater);
  EXPECT_EQ(F.onCFG("overwrite", "old_one").What, Fate::Dropped);
  model::TaskFate New = F.onCFG("overwrite", "new_one");
  EXPECT_EQ(New.What, Fate::AwaitedLater);
  EXPECT_FALSE(New.DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, GotoJumpsOverTheAwait) {
  Flows F(R"cpp(
demo::task<int> make();
demo::task<> jumps(bool B) {
  auto T = make();
  if (B)
    goto done;
  co_await T;
done:
  co_return;
}
)cpp");
  EXPECT_FALSE(F.inSourceOrder("jumps", "make").DroppedWhere.isValid());
  model::TaskFate Make = F.onCFG("jumps", "make");
  EXPECT_EQ(Make.What, Fate::AwaitedLater);
  EXPECT_TRUE(Make.DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, SwitchAwaitsInOneCaseOnly) {
  Flows F(R"cpp(
demo::task<int> make();
demo::task<> cases(int K) {
  auto T = make();
  switch (K) {
  case 0:
    co_await T;
    break;
  default:
    break;
  }
}
demo::task<> every_case(int K) {
  auto T = make();
  switch (K) {
  case 0:
    co_await T;
    break;
  default:
    co_await T;
  }
}
)cpp");
  EXPECT_FALSE(F.inSourceOrder("cases", "make").DroppedWhere.isValid());
  EXPECT_TRUE(F.onCFG("cases", "make").DroppedWhere.isValid());
  EXPECT_FALSE(F.onCFG("every_case", "make").DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, EarlyReturnBetweenCreationAndAwait) {
  Flows F(R"cpp(
demo::task<int> make();
demo::task<> early(bool Stop) {
  auto T = make();
  if (Stop)
    co_return;
  co_await T;
}
)cpp");
  model::TaskFate Early = F.onCFG("early", "make");
  EXPECT_EQ(Early.What, Fate::AwaitedLater);
  EXPECT_TRUE(Early.DroppedWhere.isValid());
  EXPECT_FALSE(F.inSourceOrder("early", "make").DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, AwaitOnEveryBranchIsNotDropped) {
  Flows F(R"cpp(
demo::task<int> make();
demo::task<> both(bool B) {
  auto T = make();
  if (B)
    co_await T;
  else
    co_await T;
}
)cpp");
  model::TaskFate Both = F.onCFG("both", "make");
  EXPECT_EQ(Both.What, Fate::AwaitedLater);
  EXPECT_FALSE(Both.DroppedWhere.isValid());
}

TEST(TaskFlowOnCFG, AwaitOnOneBranchOnly) {
  Flows F(R"cpp(
demo::task<int> make();
demo::task<> one(bool B) {
  auto T = make();
  if (B)
    co_await T;
}
)cpp");
  model::TaskFate One = F.onCFG("one", "make");
  EXPECT_EQ(One.What, Fate::AwaitedLater);
  EXPECT_TRUE(One.DroppedWhere.isValid());
  // Eager, it would run on detached where the other branch drops it.
  EXPECT_TRUE(One.runsDetached(model::Laziness::Eager));
  EXPECT_FALSE(One.runsDetached(model::Laziness::Lazy));
  EXPECT_FALSE(
      F.inSourceOrder("one", "make").runsDetached(model::Laziness::Eager));
}

TEST(TaskFlowOnCFG, SpawnResultAndJoinHandleCarryTheChildsFate) {
  Flows F(R"cpp(
struct joiner {
  bool await_ready(); void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct spawned {
  bool await_ready(); void await_suspend(std::coroutine_handle<>);
  void await_resume();
  joiner fork() &&;
  void detach() &&;
};
spawned spawn(demo::task<> t);
demo::task<> make();
demo::task<> joined() { auto J = spawn(make()).fork(); co_await J; }
demo::task<> leaves(bool B) {
  auto J = spawn(make()).fork();
  if (B)
    co_return;
  co_await J;
}
demo::task<> detached() { spawn(make()).detach(); co_return; }
)cpp");
  // The join handle fork() returns is awaited on every path: the child,
  // started at the spawn, is done before the function goes on.
  model::TaskFate Joined = F.onCFG("joined", "make");
  EXPECT_EQ(Joined.What, Fate::AwaitedLater);
  EXPECT_TRUE(Joined.Started);
  EXPECT_FALSE(Joined.runsDetached(model::Laziness::Lazy));
  // A path that returns first drops the handle: the started child runs on,
  // lazy as its task type is; the fate points at the return.
  model::TaskFate Leaves = F.onCFG("leaves", "make");
  EXPECT_TRUE(Leaves.DroppedWhere.isValid());
  EXPECT_TRUE(Leaves.runsDetached(model::Laziness::Lazy));
  EXPECT_EQ(Leaves.Where, Leaves.DroppedWhere);
  model::TaskFate Detached = F.onCFG("detached", "make");
  EXPECT_EQ(Detached.What, Fate::Escapes);
  EXPECT_TRUE(Detached.OnExecutor);
}

} // namespace
