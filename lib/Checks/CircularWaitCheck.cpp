//===--- CircularWaitCheck.cpp - async-lint -------------------------------===//

#include "CircularWaitCheck.h"
#include "../Model/LockOrder.h"
#include "../Model/MutualWaits.h"
#include "../Model/ScopeJoins.h"
#include "../Model/Expressions.h"
#include "../Model/SingleThreadContext.h"
#include "../Model/StartedTogether.h"

namespace clang::tidy::async {

struct CircularWaitCheck::ListOption {
  llvm::StringLiteral Name;
  llvm::StringRef Default;
  model::NameMatcher CircularWaitCheck::*List;
};

llvm::ArrayRef<CircularWaitCheck::ListOption> CircularWaitCheck::listOptions() {
  using C = CircularWaitCheck;
  static const ListOption Lists[] = {
      {"EventTypes", model::DefaultEventTypes, &C::EventTypes},
      {"EventWaitMembers", model::DefaultEventWaitMembers,
       &C::EventWaitMembers},
      {"EventSignalMembers", model::DefaultEventSignalMembers,
       &C::EventSignalMembers},
      {"PromiseFutureMembers", model::DefaultPromiseFutureMembers,
       &C::PromiseFutureMembers},
      {"PromiseSetMembers", model::DefaultPromiseSetMembers,
       &C::PromiseSetMembers},
      {"ContextTypes", model::DefaultContextTypes, &C::ContextTypes},
      {"ContextRunMembers", model::DefaultContextRunMembers,
       &C::ContextRunMembers},
      {"ContextQueryMembers", model::DefaultContextQueryMembers,
       &C::ContextQueryMembers},
      {"ContextHandOffFunctions", model::DefaultContextHandOffs,
       &C::ContextHandOffs},
      {"ExecutorQueries", model::DefaultExecutorQueries, &C::ExecutorQueries},
      {"FutureTokens", model::DefaultFutureTokens, &C::FutureTokens},
      {"ScopeJoinMembers", model::DefaultScopeJoinMembers,
       &C::ScopeJoinMembers},
      {"ScopeTypes", model::DefaultScopeTypes, &C::ScopeTypes},
      {"StartFunctions", model::DefaultStartFunctions, &C::StartFunctions},
      {"IgnoredFunctions", "", &C::IgnoredFunctions}};
  return Lists;
}

CircularWaitCheck::CircularWaitCheck(StringRef Name, ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Functions) {
  for (const ListOption &O : listOptions())
    this->*O.List = model::NameMatcher(Options.get(O.Name, O.Default));
}

void CircularWaitCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  for (const ListOption &O : listOptions())
    Options.store(Opts, O.Name, (this->*O.List).str());
}

void CircularWaitCheck::checkFunction(CheckedFunction &F) {
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)))
    return;
  model::EventKnowledge Know{EventTypes, EventWaitMembers, EventSignalMembers,
                             PromiseFutureMembers, PromiseSetMembers};
  auto FlowOf = [&](const FunctionDecl &FD) -> const model::SuspensionFlow & {
    return suspensionsOf(FD, F.Ctx);
  };
  const CFG *Graph = Facts.session().cfg(F.Decl);
  if (F.isCoroutine() && Graph)
    for (const model::SelfWait &W : model::selfWaits(
             F.Decl, F.Body, *Graph, F.suspensions().points(), Know))
      reportSelfWait(W);
  std::vector<model::StartedCoroutine> Together =
      model::startedTogether(F.Body, Graph, Lib.CombinatorFunctions,
                             Lib.SpawnFunctions, StartFunctions);
  auto EdgesOf = [&](const FunctionDecl &FD) {
    return model::lockOrderEdges(FlowOf(FD), Lib.AsyncMutexes);
  };
  if (auto Cycle = model::lockCycle(F.Decl, Together, EdgesOf))
    reportLockCycle(*Cycle);
  auto CFGOf = [&](const FunctionDecl &FD) { return Facts.session().cfg(FD); };
  if (auto Mutual = model::mutualWait(F.Decl, F.Body, Together, Know, CFGOf,
                                      FlowOf))
    reportMutualWait(Mutual->first, Mutual->second);
  model::ScopeKnowledge Scopes{ScopeJoinMembers, ScopeTypes, StartFunctions,
                               Lib.SpawnFunctions};
  for (const model::ScopeJoin &J :
       model::scopeJoins(F.Decl, F.Body, Scopes, FlowOf))
    reportScopeJoin(J);
  model::SingleThreadKnowledge Context{
      ContextTypes,    ContextRunMembers, ContextQueryMembers, ContextHandOffs,
      ExecutorQueries, FutureTokens,      Lib.JoinMembers};
  for (const model::OwnContextWait &W : model::ownContextWaits(F.Body, Context))
    reportOwnContext(W);
}

} // namespace clang::tidy::async
