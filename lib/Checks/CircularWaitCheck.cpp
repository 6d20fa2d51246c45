//===--- CircularWaitCheck.cpp - async-lint -------------------------------===//

#include "CircularWaitCheck.h"

namespace clang::tidy::async {

llvm::ArrayRef<model::ListOption<CircularWaitCheck>>
CircularWaitCheck::listOptions() {
  using C = CircularWaitCheck;
  // Each option is named after its list, defaulting to model::Default<list>.
  // clang-format off
#define LIST(Name) {#Name, model::Default##Name, &C::Name}
  static const model::ListOption<C> Lists[] = {
      LIST(EventTypes), LIST(EventWaitMembers), LIST(EventSignalMembers),
      LIST(PromiseSetMembers), LIST(ContextTypes),
      LIST(ContextRunMembers), LIST(ContextQueryMembers),
      {"ContextHandOffFunctions", model::DefaultContextHandOffs,
       &C::ContextHandOffs},
      LIST(ExecutorQueries), LIST(FutureTokens), LIST(ScopeJoinMembers),
      LIST(ScopeTypes), LIST(PoolTypes), LIST(PoolScheduleMembers),
      LIST(PoolMakers), LIST(PoolThreadCounts), LIST(StartFunctions),
      LIST(InlineStartFunctions),
      {"IgnoredFunctions", "", &C::IgnoredFunctions}};
#undef LIST
  // clang-format on
  return Lists;
}

CircularWaitCheck::CircularWaitCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions) {
  model::readListOptions(*this, listOptions(), [&](StringRef N, StringRef D) {
    return Options.get(N, D);
  });
}

void CircularWaitCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  model::storeListOptions(*this, listOptions(), [&](StringRef N, StringRef V) {
    Options.store(Opts, N, V);
  });
}

void CircularWaitCheck::checkFunction(CheckedFunction &F) {
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)))
    return;
  model::EventKnowledge Know{EventTypes, EventWaitMembers, EventSignalMembers,
                             Lib.PromiseFutureMembers, PromiseSetMembers};
  auto FlowOf = [&](const FunctionDecl &FD) -> const model::SuspensionFlow & {
    return suspensionsOf(FD, F.Ctx);
  };
  auto CFGOf = [&](const FunctionDecl &FD) { return Facts.session().cfg(FD); };
  bool Waits = model::hasWaitCandidates(F.events(), F.own(), Know, Lib);
  if (const CFG *Graph = F.isCoroutine() && Waits ? CFGOf(F.Decl) : nullptr) {
    auto Points = F.suspensions().points();
    for (const model::SelfWait &W :
         model::selfWaits(F.Decl, F.Body, *Graph, Points, Know))
      reportSelfWait(W);
    model::PoolKnowledge Pools{PoolTypes, PoolScheduleMembers, PoolMakers,
                               PoolThreadCounts, Lib.SyncWaitFunctions};
    for (const model::PoolSelfBlock &B : model::poolSelfBlocks(
             F.Decl, F.Body, *Graph, Points, Pools, CFGOf, FlowOf, &F.own()))
      reportPoolSelfBlock(B);
    for (const model::LockedTaskWait &W :
         model::lockedTaskWaits(F.Decl, F.Body, *Graph, Points,
                                {Know, Lib.AsyncMutexes, InlineStartFunctions},
                                CFGOf, FlowOf, &F.own()))
      reportLockedTask(W);
    for (const model::ParkedGuard &P : model::parkedGuards(
             F.Decl, F.Body, *Graph, Points, Lib.AsyncMutexes, &F.own()))
      emitOnce(model::parkedGuardFinding(P));
  }
  if (F.isCoroutine())
    for (const model::Finding &L : model::lockedSelfWaits(
             F.Decl, {Know, Lib.AsyncMutexes, Lib.AsyncLockFunctions}, Unit,
             CFGOf, FlowOf))
      emitOnce(L);
  std::vector<model::StartedCoroutine> Together = model::startedTogether(
      F.Body, [&] { return CFGOf(F.Decl); }, Lib.CombinatorFunctions,
      Lib.SpawnFunctions, StartFunctions, &F.own());
  // Kept for the unit: a caller judged long after builds no CFG again.
  auto EdgesOf = [&](const FunctionDecl &FD) {
    return Facts.session().lockOrderEdges(FD, Facts.libraryId());
  };
  reportLockCycle(model::lockCycle(F.Decl, Together, EdgesOf));
  if (auto C = model::memberLockCycle(F.Decl, Lib, IgnoredFunctions, EdgesOf))
    emitOnce(model::memberLockFinding(*C));
  reportMutualWait(
      model::mutualWait(F.Decl, F.Body, Together, Know, CFGOf, FlowOf));
  for (const model::ScopeJoin &J : model::scopeJoins(
           F.Decl, F.Body,
           {ScopeJoinMembers, ScopeTypes, StartFunctions, Lib.SpawnFunctions},
           FlowOf, &F.own()))
    emitOnce(model::scopeJoinFinding(J));
  model::SingleThreadKnowledge Context{
      ContextTypes,    ContextRunMembers, ContextQueryMembers, ContextHandOffs,
      ExecutorQueries, FutureTokens,      Lib.JoinMembers};
  for (const model::OwnContextWait &W :
       model::ownContextWaits(F.Body, Context, &F.own()))
    reportOwnContext(W);
}

} // namespace clang::tidy::async
