//===--- CircularWaitCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
#define ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

namespace model {
struct LockOrderEdge;
struct OwnContextWait;
} // namespace model

/// Finds coroutines that wait for each other or for what only they signal
/// later.
///
/// A coroutine that awaits an event of its own that nothing can set before
/// the wait (only its code after the wait would); two coroutines started
/// together that lock two asynchronous mutexes in opposite orders; a
/// coroutine that blocks the only thread of its context on work that needs
/// that context.
class CircularWaitCheck : public AsyncCheck {
public:
  CircularWaitCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// A coroutine started by a call of the function judged.
  struct Started {
    const FunctionDecl *Coroutine;
    const CallExpr *Call;
    /// The call that starts it with the others (a combinator or a spawn).
    const Stmt *Start;
  };

  /// Awaits of an event local to \p F that nothing can set before them.
  void checkSelfWaits(CheckedFunction &F);
  /// The event variable \p Point waits for, when it is one of the
  /// coroutine's own locals, not yet set when created; null otherwise.
  const VarDecl *ownEventWaited(const CoroutineSuspendExpr &Point) const;
  /// Coroutines that \p F starts to run together.
  std::vector<Started> startedTogether(CheckedFunction &F) const;
  /// Two coroutines started together locking two mutexes in opposite order.
  void checkLockOrder(CheckedFunction &F);
  void reportLockCycle(const Started &First, const model::LockOrderEdge &E1,
                       const Started &Second, const model::LockOrderEdge &E2);

  /// Blocking waits in coroutines handed to a context that only \p F's
  /// thread runs, on work handed to the same context.
  void checkOwnContext(CheckedFunction &F);
  void reportOwnContext(const model::OwnContextWait &W);

  const model::NameMatcher EventTypes;
  const model::NameMatcher EventWaitMembers;
  const model::NameMatcher EventSignalMembers;
  /// Execution contexts, their members that run work on the calling thread
  /// and that only describe them, the functions that hand work to one, the
  /// awaitables that yield the running coroutine's executor, and the
  /// completion tokens that make a hand-off return a future.
  const model::NameMatcher ContextTypes;
  const model::NameMatcher ContextRunMembers;
  const model::NameMatcher ContextQueryMembers;
  const model::NameMatcher ContextHandOffs;
  const model::NameMatcher ExecutorQueries;
  const model::NameMatcher FutureTokens;
  /// Functions that start a task to run on its own (with SpawnFunctions).
  const model::NameMatcher StartFunctions;
  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
