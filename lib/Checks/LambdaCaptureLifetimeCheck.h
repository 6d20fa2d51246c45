//===--- LambdaCaptureLifetimeCheck.h - async-lint --------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
#define ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H

#include "../Model/ClosureLifetimes.h"
#include "../Model/ListOptions.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds coroutine lambdas whose closure or captured locals die while their
/// coroutine still runs.
///
/// Its rules are the model's (model/ClosureLifetimes), asked of each lambda
/// created or called and each call that hands one over: closures and
/// captured locals, closures consumed by the code they are handed to, and
/// 'this' in a detached lambda with nothing that keeps the object alive.
/// The check words the evidence (LifetimeNotes).
class LambdaCaptureLifetimeCheck : public AsyncCheck {
public:
  LambdaCaptureLifetimeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  model::ClosureLifetimeRules rules();
  /// Reports each finding of \p Found not reported at its place yet.
  void report(const model::LifetimeFindings &Found);

  // The options, read and stored through this table.
  static const model::ListOption<LambdaCaptureLifetimeCheck> Lists[];
  model::NameMatcher OwnerFunctions;
  model::NameMatcher CallbackFunctions;
  model::NameMatcher ComposeFunctions;
  /// Calls that block until something completes, for the function's own
  /// waits: BlockingWaits with SyncWaitFunctions and JoinMembers.
  model::NameMatcher BlockingWaits;
  /// Spawns that keep the task they are given and not its closure.
  model::NameMatcher TaskKeepingSpawns;
  /// Wrappers that keep only a reference to the lambda they wrap.
  model::NameMatcher NonOwningWrappers;
  /// Spawns that dispatch the start of the coroutine they are given, and
  /// the awaited operands that yield the coroutine's own executor: a spawn
  /// on it runs the lambda up to its first suspension before it returns.
  model::NameMatcher DispatchingSpawns;
  model::NameMatcher OwnExecutors;
  /// What waits for work to finish (SyncWaitFunctions and JoinMembers).
  const model::NameMatcher Waits;
  const model::NameMatcher AllBlockingWaits;
  model::TaskWaits OwnWaits{AllBlockingWaits, Lib.JoiningExecutors,
                            Lib.JoinFunctions, Lib.WaitMembers,
                            Lib.SignalMembers};
  model::CaptureUses Uses;
  model::DetachedLambdas Detached{OwnerFunctions, Uses};
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
