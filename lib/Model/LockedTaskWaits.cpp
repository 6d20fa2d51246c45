//===--- LockedTaskWaits.cpp - async-lint ---------------------------------===//

#include "LockedTaskWaits.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "FirstArrival.h"
#include "LockOrder.h"
#include "NameMatcher.h"
#include "SuspensionFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The coroutines \p Body starts to run at once, in the creator: calls of
/// an eager coroutine, and coroutine calls given to an inline start.
std::vector<StartedCoroutine> startedAtOnce(const Stmt &Body,
                                            const NameMatcher &InlineStarts,
                                            const OwnStmts *Own) {
  std::vector<StartedCoroutine> Started;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    if (coroutineCall(Call) == Call) {
      const FunctionDecl *Coro = calledDefinition(*Call);
      if (lazinessOfCoroutine(*Coro) == Laziness::Eager)
        Started.push_back({Coro, Call, Call});
      return;
    }
    std::optional<CallInfo> Info = describeCall(*Call);
    if (!Info || !anyNameMatches(InlineStarts, *Info))
      return;
    for (const Expr *Arg : Call->arguments())
      if (const CallExpr *Coro = coroutineCall(Arg))
        Started.push_back({calledDefinition(*Coro), Coro, Call});
  });
  return Started;
}

/// True when a statement of \p Arrival outside \p Skip names one of \p Decls
/// (directly, or by a lambda capture).
bool namesAny(const FirstArrival &Arrival, ArrayRef<const Stmt *> Skip,
              ArrayRef<const ValueDecl *> Decls) {
  return llvm::any_of(Arrival.Before, [&](const Stmt *S) {
    if (llvm::any_of(Skip, [&](const Stmt *In) { return isWithin(S, *In); }))
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return llvm::is_contained(Decls, Ref->getDecl());
    const auto *Lambda = dyn_cast<LambdaExpr>(S);
    return Lambda && llvm::any_of(Lambda->captures(), [&](const auto &C) {
             return C.capturesVariable() &&
                    llvm::is_contained(Decls, C.getCapturedVar());
           });
  });
}

/// The task's wait for an event, holding a mutex, that every path of its
/// body arrives at with no other suspension before it than the lock: the
/// task runs to it at once. Its Held, Waited (null), HeldSince and Wait.
std::optional<std::pair<LockOrderEdge, const ValueDecl *>>
heldWait(const CFG &Graph, const SuspensionFlow &Flow,
         const LockedTaskKnowledge &Know) {
  for (const LockOrderEdge &At : locksHeld(Flow, Know.AsyncMutexes)) {
    const ValueDecl *Event = awaitedEvent(*At.Wait, Know.Events);
    if (!Event || !alwaysArrives(Graph, *At.Wait) ||
        !passesFirst(Graph, *At.HeldSince, *At.Wait))
      continue;
    FirstArrival Arrival = firstArrival(Graph, *At.Wait);
    bool Unlocks = llvm::any_of(Arrival.Before, [](const Stmt *S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      const auto *Method = Call ? Call->getMethodDecl() : nullptr;
      return Method && Method->getIdentifier() && Method->getName() == "unlock";
    });
    bool OtherSuspension =
        llvm::any_of(Flow.points(), [&](const CoroutineSuspendExpr *P) {
          return P != At.Wait && P != At.HeldSince &&
                 Arrival.Before.contains(P);
        });
    if (!Unlocks && !OtherSuspension && !namesAny(Arrival, {At.Wait}, {Event}))
      return std::make_pair(At, Event);
  }
  return std::nullopt;
}

/// The creator's own local variable \p D denotes, when it is one.
const VarDecl *localOf(std::pair<const ValueDecl *, const void *> D,
                       const FunctionDecl &Creator) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D.first);
  if (!Var || D.second || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      Var->getType()->isReferenceType() || Var->getDeclContext() != &Creator)
    return nullptr;
  return Var;
}

} // namespace

std::vector<LockedTaskWait> lockedTaskWaits(
    const FunctionDecl &Creator, const Stmt &Body, const CFG &Graph,
    ArrayRef<const CoroutineSuspendExpr *> Points,
    const LockedTaskKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own) {
  std::vector<LockedTaskWait> Found;
  for (const StartedCoroutine &Task :
       startedAtOnce(Body, Know.InlineStarts, Own)) {
    const CFG *TaskGraph = Task.Coroutine ? CFGOf(*Task.Coroutine) : nullptr;
    auto Side = TaskGraph ? heldWait(*TaskGraph, FlowOf(*Task.Coroutine), Know)
                          : std::nullopt;
    if (!Side)
      continue;
    const VarDecl *Mutex =
        localOf(denotedInCaller(Side->first.Held, Task, Creator), Creator);
    const VarDecl *Event =
        localOf(denotedInCaller(Side->second, Task, Creator), Creator);
    if (!Mutex || !Event || !createdUnset(*Event))
      continue;
    for (const CoroutineSuspendExpr *Lock : Points) {
      if (awaitedLock(*Lock, Know.AsyncMutexes) != Mutex ||
          !passesFirst(Graph, *Task.Start, *Lock))
        continue;
      // Nothing but the start reaches the mutex or the event before the
      // lock: the mutex was free for the task, and nobody can set the event.
      FirstArrival Arrival = firstArrival(Graph, *Lock);
      if (!Arrival.Reached ||
          namesAny(Arrival, {Task.Start, Lock}, {Mutex, Event}))
        continue;
      Found.push_back(
          {Task, Lock, Mutex, Event, Side->first.HeldSince, Side->first.Wait,
           signalAfter(Graph, Body, *Lock, Know.Events.SignalMembers,
                       [&](const ValueDecl *D) { return D == Event; })});
      break;
    }
  }
  return Found;
}

} // namespace clang::tidy::async::model
