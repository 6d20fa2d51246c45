//===--- CircularWaitCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
#define ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

namespace model {
struct LockCycle;
struct MutualSide;
struct SelfWait;
struct ScopeJoin;
struct OwnContextWait;
} // namespace model

/// Finds coroutines that wait for each other or for what only they signal
/// later.
///
/// A coroutine that awaits an event of its own that nothing can set before
/// the wait (only its code after the wait would); two coroutines started
/// together that each wait for an event the other sets only after its own
/// wait, or that lock two asynchronous mutexes in opposite orders; a
/// coroutine that blocks the only thread of its context on work that needs
/// that context.
class CircularWaitCheck : public AsyncCheck {
public:
  CircularWaitCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  void reportSelfWait(const model::SelfWait &W);
  void reportMutualWait(const model::MutualSide &A,
                        const model::MutualSide &B);
  void reportLockCycle(const model::LockCycle &Cycle);
  void reportOwnContext(const model::OwnContextWait &W);
  void reportScopeJoin(const model::ScopeJoin &J);

  /// Events, the members that wait on one and that set one; the members of
  /// a promise that make its awaitable future and that set it.
  model::NameMatcher EventTypes, EventWaitMembers, EventSignalMembers,
      PromiseFutureMembers, PromiseSetMembers;
  /// Execution contexts, their members that run work on the calling thread
  /// and that only describe them, the functions that hand work to one, the
  /// awaitables that yield the running coroutine's executor, and the
  /// completion tokens that make a hand-off return a future.
  model::NameMatcher ContextTypes, ContextRunMembers, ContextQueryMembers,
      ContextHandOffs, ExecutorQueries, FutureTokens;
  /// The members that join a scope and the scopes that, awaited, join.
  model::NameMatcher ScopeJoinMembers, ScopeTypes;
  /// Functions that start a task to run on its own (with SpawnFunctions),
  /// and functions the check does not judge.
  model::NameMatcher StartFunctions, IgnoredFunctions;
  /// Each list's option name and default.
  struct ListOption;
  static llvm::ArrayRef<ListOption> listOptions();
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
