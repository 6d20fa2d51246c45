//===--- MutualWaits.cpp - async-lint -------------------------------------===//

#include "MutualWaits.h"
#include "CoroutineModel.h"
#include "FirstArrival.h"
#include "SuspensionFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// A started coroutine's first wait for an event of the caller.
struct FirstWait {
  MutualSide Side;
  const CFG *Graph;
  const Stmt *Body;
  /// What the coroutine names before the wait, as the caller knows it.
  std::vector<const ValueDecl *> NamedBefore;
};

/// The waits of \p S for an unset local event of \p Caller that every path
/// of the coroutine's body arrives at.
void firstWaits(const StartedCoroutine &S, const FunctionDecl &Caller,
                const EventKnowledge &Know, const CFG &Graph,
                const SuspensionFlow &Flow, std::vector<FirstWait> &Out) {
  const Stmt *Body = getUserBody(*S.Coroutine);
  if (!Body)
    return;
  for (const CoroutineSuspendExpr *Point : Flow.points()) {
    auto [Event, Object] =
        denotedInCaller(awaitedEvent(*Point, Know), S, Caller);
    const auto *Var = dyn_cast_or_null<VarDecl>(Event);
    if (!Var || Object || Var->getDeclContext() != &Caller ||
        !createdUnset(*Var) || !alwaysArrives(Graph, *Point))
      continue;
    FirstWait W{{&S, Point, Var}, &Graph, Body, {}};
    for (const ValueDecl *D : namedBefore(firstArrival(Graph, *Point), {Point}))
      W.NamedBefore.push_back(denotedInCaller(D, S, Caller).first);
    Out.push_back(std::move(W));
  }
}

/// True when \p Caller's body names \p Event only within the calls that
/// start \p A and \p B (a lambda coroutine's body and captures included).
bool reachedOnlyBy(const Stmt &S, const VarDecl &Event,
                   const StartedCoroutine &A, const StartedCoroutine &B) {
  if (S.getStmtClass() == Stmt::DeclRefExprClass &&
      cast<DeclRefExpr>(S).getDecl() == &Event)
    return false;
  if (&S == A.Call || &S == B.Call)
    return true;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
    if (Lambda->getCallOperator() == A.Coroutine ||
        Lambda->getCallOperator() == B.Coroutine)
      return true;
  for (const Stmt *Child : S.children())
    if (Child && !reachedOnlyBy(*Child, Event, A, B))
      return false;
  return true;
}

/// \p W's set, after its wait, of the event \p Other waits for.
const CXXMemberCallExpr *setsAfterWait(const FirstWait &W,
                                       const FirstWait &Other,
                                       const FunctionDecl &Caller,
                                       const EventKnowledge &Know) {
  if (llvm::is_contained(W.NamedBefore, Other.Side.Event) ||
      llvm::is_contained(W.NamedBefore, W.Side.Event))
    return nullptr;
  return signalAfter(
      *W.Graph, *W.Body, *W.Side.Wait, Know.SignalMembers,
      [&](const ValueDecl *D) {
        return denotedInCaller(D, *W.Side.Started, Caller).first ==
               Other.Side.Event;
      });
}

} // namespace

std::optional<std::pair<MutualSide, MutualSide>> mutualWait(
    const FunctionDecl &Caller, const Stmt &Body,
    ArrayRef<StartedCoroutine> Together, const EventKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf) {
  std::vector<FirstWait> Waits;
  if (Together.size() < 2)
    return std::nullopt;
  for (const StartedCoroutine &S : Together)
    if (const CFG *Graph = CFGOf(*S.Coroutine))
      firstWaits(S, Caller, Know, *Graph, FlowOf(*S.Coroutine), Waits);
  for (FirstWait &A : Waits)
    for (FirstWait &B : Waits) {
      if (A.Side.Started == B.Side.Started || A.Side.Event == B.Side.Event)
        continue;
      A.Side.SetsOther = setsAfterWait(A, B, Caller, Know);
      B.Side.SetsOther = setsAfterWait(B, A, Caller, Know);
      const StartedCoroutine &SA = *A.Side.Started, &SB = *B.Side.Started;
      if (A.Side.SetsOther && B.Side.SetsOther &&
          reachedOnlyBy(Body, *A.Side.Event, SA, SB) &&
          reachedOnlyBy(Body, *B.Side.Event, SA, SB))
        return std::make_pair(A.Side, B.Side);
    }
  return std::nullopt;
}

} // namespace clang::tidy::async::model
