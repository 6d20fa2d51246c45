//===--- CircularWaitCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
#define ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H

#include "../Model/ListOptions.h"
#include "../Model/LockedSelfWaits.h"
#include "../Model/WaitCycles.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds coroutines that wait for each other or for what only they signal
/// later.
class CircularWaitCheck : public AsyncCheck {
public:
  CircularWaitCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override { Unit.reset(); }

private:
  void reportSelfWait(const model::SelfWait &W);
  void reportMutualWait(ArrayRef<model::MutualSide> Cycle);
  void reportLockCycle(ArrayRef<model::LockCycleSide> Cycle);
  void reportOwnContext(const model::OwnContextWait &W);
  void reportPoolSelfBlock(const model::PoolSelfBlock &B);
  void reportLockedTask(const model::LockedTaskWait &W);

  /// The lists of the options (the doc's table): events and promises,
  /// contexts, scopes and pools, functions that start or are not judged.
  model::NameMatcher EventTypes, EventWaitMembers, EventSignalMembers,
      PromiseSetMembers, ContextTypes, ContextRunMembers, ContextQueryMembers,
      ContextHandOffs, ExecutorQueries, FutureTokens, ScopeJoinMembers,
      ScopeTypes, PoolTypes, PoolScheduleMembers, PoolMakers, PoolThreadCounts,
      StartFunctions, InlineStartFunctions, IgnoredFunctions;
  /// Each list's option name and default.
  static llvm::ArrayRef<model::ListOption<CircularWaitCheck>> listOptions();
  /// The unit's signals, calls and member values, once a wait needs them.
  std::optional<model::UnitSignals> Unit;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
