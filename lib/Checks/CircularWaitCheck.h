//===--- CircularWaitCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
#define ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

namespace model {
struct LockOrderEdge;
} // namespace model

/// Finds coroutines that wait for each other or for what only they signal
/// later.
///
/// A coroutine that awaits an event of its own that nothing can set before
/// the wait (only its code after the wait would); two coroutines started
/// together that lock two asynchronous mutexes in opposite orders.
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

  const model::NameMatcher EventTypes;
  const model::NameMatcher EventWaitMembers;
  const model::NameMatcher EventSignalMembers;
  /// Functions that start a task to run on its own (with SpawnFunctions).
  const model::NameMatcher StartFunctions;
  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_CIRCULARWAITCHECK_H
