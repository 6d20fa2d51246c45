//===--- CircularWaitCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
#define ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H

#include "../Model/NameMatcher.h"
#include "../Model/WaitCycles.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds coroutines that wait for each other or for what only they signal
/// later.
///
/// The doc lists the shapes; the model files model/WaitCycles.h includes
/// hold the evidence of each.
class CircularWaitCheck : public AsyncCheck {
public:
  CircularWaitCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  DiagnosticBuilder note(SourceLocation Loc, StringRef Text);
  void reportSelfWait(const model::SelfWait &W);
  void reportMutualWait(ArrayRef<model::MutualSide> Cycle);
  void reportLockCycle(const model::LockCycle &Cycle);
  void reportOwnContext(const model::OwnContextWait &W);
  void reportScopeJoin(const model::ScopeJoin &J);
  void reportPoolSelfBlock(const model::PoolSelfBlock &B);
  void reportLockedTask(const model::LockedTaskWait &W);

  /// Events, the members that wait on and set one; a promise's members
  /// that make its awaitable future and that set it.
  model::NameMatcher EventTypes, EventWaitMembers, EventSignalMembers,
      PromiseFutureMembers, PromiseSetMembers;
  /// Execution contexts, their run and query members, hand-offs, executor
  /// queries and future tokens (model/SingleThreadContext.h).
  model::NameMatcher ContextTypes, ContextRunMembers, ContextQueryMembers,
      ContextHandOffs, ExecutorQueries, FutureTokens;
  /// The members that join a scope and the scopes that, awaited, join;
  /// pools, their schedule members, makers and thread count fields.
  model::NameMatcher ScopeJoinMembers, ScopeTypes, PoolTypes,
      PoolScheduleMembers, PoolMakers, PoolThreadCounts;
  /// Functions that start a task to run on its own (with SpawnFunctions),
  /// that run it inline until it suspends, and that are not judged.
  model::NameMatcher StartFunctions, InlineStartFunctions, IgnoredFunctions;
  /// Each list's option name and default.
  struct ListOption;
  static llvm::ArrayRef<ListOption> listOptions();
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
