//===--- MutualWaits.cpp - async-lint -------------------------------------===//

#include "MutualWaits.h"
#include "CoroutineModel.h"
#include "FirstArrival.h"
#include "SuspensionFlow.h"
#include "clang/AST/ExprCXX.h"
#include <functional>

namespace clang::tidy::async::model {

namespace {

/// How many steps the search for cycles of waits takes at most.
constexpr unsigned MaxCycleSearchSteps = 10000;

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

/// True when an await of \p S's body may be a wait for an unset local event
/// of \p Caller: read from its own suspensions, so that a coroutine that
/// waits for none (most of those started together) needs no CFG, and one
/// judged and freed long before is not graphed again.
bool mayWaitInCaller(const StartedCoroutine &S, const FunctionDecl &Caller,
                     const EventKnowledge &Know) {
  bool May = false;
  forEachSuspensionPoint(
      getUserBody(*S.Coroutine), [&](const CoroutineSuspendExpr &Point) {
        if (May)
          return;
        auto [Event, Object] =
            denotedInCaller(awaitedEvent(Point, Know), S, Caller);
        const auto *Var = dyn_cast_or_null<VarDecl>(Event);
        May = Var && !Object && Var->getDeclContext() == &Caller &&
              createdUnset(*Var);
      });
  return May;
}

/// True when \p Caller's body names \p Event only within the calls that
/// start \p Sides (a lambda coroutine's body and captures included).
bool reachedOnlyBy(const Stmt &S, const VarDecl &Event,
                   ArrayRef<const FirstWait *> Sides) {
  if (S.getStmtClass() == Stmt::DeclRefExprClass &&
      cast<DeclRefExpr>(S).getDecl() == &Event)
    return false;
  for (const FirstWait *W : Sides) {
    if (&S == W->Side.Started->Call)
      return true;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S))
      if (Lambda->getCallOperator() == W->Side.Started->Coroutine)
        return true;
  }
  for (const Stmt *Child : S.children())
    if (Child && !reachedOnlyBy(*Child, Event, Sides))
      return false;
  return true;
}

/// \p W's set, after its wait, of the event \p Other waits for.
const CXXMemberCallExpr *setsAfterWait(const FirstWait &W,
                                       const FirstWait &Other,
                                       const FunctionDecl &Caller,
                                       const EventKnowledge &Know) {
  return signalAfter(
      *W.Graph, *W.Body, *W.Side.Wait, Know.SignalMembers,
      [&](const ValueDecl *D) {
        return denotedInCaller(D, *W.Side.Started, Caller).first ==
               Other.Side.Event;
      });
}

/// The sides of \p Cycle, each set by the next (the last's by the first),
/// when each names none of the events before its wait, each sets the
/// previous one's event after it, and only their starts reach the events.
std::vector<MutualSide> closeCycle(ArrayRef<const FirstWait *> Cycle,
                                   const FunctionDecl &Caller, const Stmt &Body,
                                   const EventKnowledge &Know) {
  std::vector<MutualSide> Sides;
  for (unsigned I = 0; I < Cycle.size(); ++I) {
    const FirstWait &W = *Cycle[I];
    const FirstWait &Previous = *Cycle[(I + Cycle.size() - 1) % Cycle.size()];
    for (const FirstWait *Any : Cycle)
      if (W.Side.Started == Any->Side.Started && &W != Any)
        return {};
    for (const FirstWait *Any : Cycle)
      if (llvm::is_contained(W.NamedBefore, Any->Side.Event) ||
          (&W != Any && W.Side.Event == Any->Side.Event) ||
          !reachedOnlyBy(Body, *Any->Side.Event, Cycle))
        return {};
    Sides.push_back(W.Side);
    Sides.back().SetsOther = setsAfterWait(W, Previous, Caller, Know);
    if (!Sides.back().SetsOther)
      return {};
  }
  return Sides;
}

} // namespace

std::vector<MutualSide> mutualWait(
    const FunctionDecl &Caller, const Stmt &Body,
    ArrayRef<StartedCoroutine> Together, const EventKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf) {
  std::vector<FirstWait> Waits;
  if (Together.size() < 2)
    return {};
  for (const StartedCoroutine &S : Together)
    if (const CFG *Graph =
            mayWaitInCaller(S, Caller, Know) ? CFGOf(*S.Coroutine) : nullptr)
      firstWaits(S, Caller, Know, *Graph, FlowOf(*S.Coroutine), Waits);
  // The waits as a graph: an edge I -> J when J's coroutine sets the event
  // I waits for, after its own wait (J follows I in a cycle's order). Every
  // simple cycle, from its first wait in Waits' order, shortest first.
  unsigned N = Waits.size();
  std::vector<llvm::SmallVector<unsigned, 4>> Next(N);
  for (unsigned I = 0; I < N; ++I)
    for (unsigned J = 0; J < N; ++J)
      if (Waits[I].Side.Started != Waits[J].Side.Started &&
          setsAfterWait(Waits[J], Waits[I], Caller, Know))
        Next[I].push_back(J);
  std::vector<std::vector<const FirstWait *>> Cycles;
  std::vector<const FirstWait *> Path;
  unsigned Steps = 0; // a bound on the search, for units with many waits
  std::function<void(unsigned, unsigned)> Visit = [&](unsigned Start,
                                                      unsigned At) {
    for (unsigned To : Next[At]) {
      if (To == Start && Path.size() > 1)
        Cycles.push_back(Path);
      else if (To > Start && !llvm::is_contained(Path, &Waits[To]) &&
               ++Steps < MaxCycleSearchSteps) {
        Path.push_back(&Waits[To]);
        Visit(Start, To);
        Path.pop_back();
      }
    }
  };
  for (unsigned Start = 0; Start < N; ++Start) {
    Path = {&Waits[Start]};
    Visit(Start, Start);
  }
  llvm::stable_sort(
      Cycles, [](const auto &A, const auto &B) { return A.size() < B.size(); });
  for (const std::vector<const FirstWait *> &Cycle : Cycles) {
    std::vector<MutualSide> Sides = closeCycle(Cycle, Caller, Body, Know);
    if (!Sides.empty())
      return Sides;
  }
  return {};
}

} // namespace clang::tidy::async::model
