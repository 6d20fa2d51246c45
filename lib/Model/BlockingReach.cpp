//===--- BlockingReach.cpp - async-lint -----------------------------------===//

#include "BlockingReach.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CompletionGuards.h"
#include "CoroutineModel.h"
#include "ReadyBranches.h"
#include "StartupHandshakes.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

std::optional<BlockingCondition>
BlockingReach::blocksUnless(const FunctionDecl &FD, const Stmt &S,
                            const Expr *Object, unsigned Needs,
                            const BlockingQueries &Q) {
  if (Q.FactsAt(FD, Object, &S) & Needs)
    return std::nullopt;
  auto OwnParam = [&](const VarDecl *VD) -> const ParmVarDecl * {
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(VD);
    return Param && Param->getDeclContext() == &FD ? Param : nullptr;
  };
  if (const ParmVarDecl *Param = OwnParam(referencedVariable(Object)))
    return BlockingCondition{int(Param->getFunctionScopeIndex()), Needs};
  // An element of a parameter: ready when the whole parameter is.
  if (Needs == PathFacts::Ready)
    if (const ParmVarDecl *Param =
            OwnParam(Q.PathFactsOf(FD).containerOf(Object)))
      return BlockingCondition{int(Param->getFunctionScopeIndex()),
                               PathFacts::AllReady};
  return BlockingCondition{};
}

std::optional<BlockingCondition>
BlockingReach::blocksThrough(const FunctionDecl &FD, const Stmt &S,
                             const BlockingPath &R, ASTContext &Ctx,
                             const BlockingQueries &Q) {
  const BlockingCall &Leaf = R.Leaf;
  // `aw.await_resume()` where `aw.await_ready()` answered true: the result
  // is there (the no-suspend half of a co_await written by hand).
  if (resumesReadyAwaitable(S, Ctx))
    return std::nullopt;
  if (R.Via == nullptr) {
    // A thread's start-up handshake (StartupHandshakes.h); a call blocks
    // there if it reaches a blocking call within the default depth.
    auto MayBlock = [&](const Stmt &C) {
      const FunctionDecl *Callee = descendInto(C, Ctx.getSourceManager());
      return classifyBlocking(C, Lists) ||
             (Callee && reachOf(*Callee, 3, Ctx, Q));
    };
    if (Leaf.isCategory("wait") && waitsOnStartupHandshake(FD, S, MayBlock))
      return std::nullopt;
    // A run loop's idle wait: entered from a task, a nested loop.
    if (!isCoroutine(FD) && Loops.isIdleWait(FD, S, Ctx.getSourceManager()))
      return std::nullopt;
    // A system call in a function that handles EAGAIN is made on a
    // non-blocking descriptor; one made just after awaiting the descriptor's
    // readiness finds it ready.
    const auto *Call = dyn_cast<CallExpr>(&S);
    bool SystemIO = Leaf.isCategory("io") && !isa<CXXMemberCallExpr>(S);
    if (SystemIO && (IO.expectsWouldBlock(FD, Ctx) ||
                     (Call && (IO.onAsyncMember(FD, *Call) ||
                               NonBlockingIO::afterReadinessAwait(FD, *Call)))))
      return std::nullopt;
    // One on the object's own descriptor: its caller may have awaited it.
    if (const Expr *Own = SystemIO && Call
                              ? NonBlockingIO::ownDescriptor(FD, *Call)
                              : nullptr)
      return BlockingCondition{-1, 0, Own};
    // A get() (or wait) of the result category blocks only while its object
    // is not ready.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    if (!Member || !Leaf.isCategory("result"))
      return BlockingCondition{};
    return blocksUnless(FD, S, Member->getImplicitObjectArgument(),
                        PathFacts::Ready, Q);
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
      R.When.Descriptor && Member)
    return NonBlockingIO::afterObjectReadinessAwait(FD, *Member,
                                                    R.When.Descriptor)
               ? std::nullopt
               : std::optional(BlockingCondition{});
  if (R.When.Param < 0)
    return BlockingCondition{};
  const Expr *Arg = argumentFor(S, unsigned(R.When.Param));
  if (!Arg)
    return BlockingCondition{};
  return blocksUnless(FD, S, Arg, R.When.Needs, Q);
}

std::optional<BlockingCall> BlockingReach::classify(const Stmt &S,
                                                    ASTContext &Ctx,
                                                    const BlockingQueries &Q,
                                                    const OwnStmts *Own) {
  std::optional<BlockingCall> B = classifyBlocking(S, Lists, Own);
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
  if ((B && !B->ByMemberName) || !Member ||
      !Member->getImplicitObjectArgument() || MemberBudget == 0)
    return B;
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Def = descendInto(S, SM);
  if (!Def)
    return B;
  // The name decides only where the body does not: a get() that reads a
  // slot waits for nothing. One that reaches a wait keeps its name's
  // category, so that the readiness of its object still decides.
  if (B)
    return !Bodies.fullyVisible(*Def, MemberBudget, SM) ||
                   reachOf(*Def, MemberBudget, Ctx, Q)
               ? B
               : std::nullopt;
  // A task's member that waits only until the task completes waits for its
  // result, which the task's readiness decides.
  std::optional<BlockingPath> R = reachOf(*Def, MemberBudget, Ctx, Q);
  std::optional<unsigned> Result = enabledCategoryIndex(Lists, "result");
  // The object's type as written: the member may be its base's.
  QualType Object =
      Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType();
  if (Object->isPointerType())
    Object = Object->getPointeeType();
  if (!R || !Result || !(isAwaitableType(Object) || isTaskType(Object)) ||
      !waitsOnlyUntilComplete(*Def, *R->Site))
    return B;
  return BlockingCall{"'" + displayName(canonicalName(*Def)) + "'", *Result,
                      /*ByMemberName=*/true};
}

const FunctionDecl *BlockingReach::descendInto(const Stmt &S,
                                               const SourceManager &SM) const {
  const FunctionDecl *Def = calledDefinition(S);
  // An eager coroutine runs in its caller until it first suspends.
  if (!Def || Def->isImplicit() || SM.isInSystemHeader(Def->getLocation()) ||
      isAllowedBlocking(*Def, Lists) ||
      (isCoroutine(*Def) && lazinessOfCoroutine(*Def) != Laziness::Eager))
    return nullptr;
  return Def;
}

std::optional<BlockingPath> BlockingReach::reachOf(const FunctionDecl &FD,
                                                   unsigned Budget,
                                                   ASTContext &Ctx,
                                                   const BlockingQueries &Q) {
  {
    const Memo &M = Reaches[&FD];
    if (M.InProgress)
      return std::nullopt;
    if (M.Found)
      return M.Found->Depth <= Budget ? M.Found : std::nullopt;
    if (M.SearchedBudget >= Budget)
      return std::nullopt;
  }
  Reaches[&FD].InProgress = true;
  std::optional<BlockingPath> Best = searchBody(FD, Budget, Ctx, Q);
  // The map may have grown during the recursion: look the entry up again.
  Memo &M = Reaches[&FD];
  M.InProgress = false;
  if (Best)
    M.Found = Best;
  else
    M.SearchedBudget = std::max(M.SearchedBudget, Budget);
  return Best;
}

std::optional<BlockingPath>
BlockingReach::searchBody(const FunctionDecl &FD, unsigned Budget,
                          ASTContext &Ctx, const BlockingQueries &Q) {
  std::optional<BlockingPath> Best;
  // Prefers a call that blocks whatever the arguments, then the shortest.
  auto Better = [&](const BlockingPath &R) {
    bool Always = R.When.always(), BestAlways = Best && Best->When.always();
    return !Best || (Always && !BestAlways) ||
           (Always == BestAlways && R.Depth < Best->Depth);
  };
  // In a coroutine, only what runs before it first suspends runs in the
  // caller.
  bool Coroutine = isCoroutine(FD);
  auto Consider = [&](BlockingPath R) {
    if (Coroutine && !runsInCaller(FD, *R.Site, Q))
      return;
    if (std::optional<BlockingCondition> When =
            blocksThrough(FD, *R.Site, R, Ctx, Q)) {
      R.When = *When;
      if (Better(R))
        Best = std::move(R);
    }
  };
  forEachOwnStmt(getUserBody(FD), [&](const Stmt &S) {
    if (Best && Best->Depth == 1 && Best->When.always())
      return;
    if (std::optional<BlockingCall> B = classify(S, Ctx, Q))
      return Consider(BlockingPath{&S, nullptr, std::move(*B), 1});
    if (Budget <= 1)
      return;
    const FunctionDecl *Callee = descendInto(S, Ctx.getSourceManager());
    if (!Callee) {
      // A function of another unit, through its summary (counted against
      // the budget like a visible path).
      if (Q.Summarised)
        if (std::optional<BlockingPath> Other = Q.Summarised(S);
            Other && Other->Depth <= Budget)
          Consider(std::move(*Other));
      return;
    }
    if (std::optional<BlockingPath> Inner =
            reachOf(*Callee, Budget - 1, Ctx, Q))
      Consider(
          BlockingPath{&S, Callee, Inner->Leaf, Inner->Depth + 1, Inner->When});
  });
  return Best;
}

bool BlockingReach::runsInCaller(const FunctionDecl &Coro, const Stmt &Site,
                                 const BlockingQueries &Q) {
  return lazinessOfCoroutine(Coro) == Laziness::Eager &&
         !Q.Suspensions(Coro).mayRunAfterSuspension(Site);
}

const BlockingPath *BlockingReach::found(const FunctionDecl *FD) const {
  auto It = Reaches.find(FD);
  if (It == Reaches.end() || !It->second.Found)
    return nullptr;
  return &*It->second.Found;
}

} // namespace clang::tidy::async::model
