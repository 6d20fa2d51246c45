//===--- LockedTaskWaits.h - async-lint -------------------------*- C++ -*-===//
//
// A task that holds a lock its creator then waits for: the creator starts a
// coroutine that runs at once (an eager one, or one given to a function that
// runs it inline), the coroutine takes the creator's mutex and suspends,
// still holding it, on an event of the creator; the creator then awaits the
// same mutex, and sets the event only after that. The lock waits for the
// task to let go, the task for the event, the event for the lock.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOCKEDTASKWAITS_H
#define ASYNC_LINT_MODEL_LOCKEDTASKWAITS_H

#include "EventWaits.h"
#include "StartedTogether.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::async::model {

class OwnStmts;
class SuspensionFlow;

// Functions that run the task given to them inline, in their caller, until
// it first suspends (cppcoro's async_scope::spawn starts it at once).
inline constexpr llvm::StringLiteral DefaultInlineStartFunctions =
    "cppcoro::async_scope::spawn";

/// A creator's lock that waits for a task it started, which holds the mutex
/// while it waits for an event only the creator sets after that lock.
struct LockedTaskWait {
  StartedCoroutine Task;
  /// The creator's awaited lock, and the mutex and event (its locals).
  const CoroutineSuspendExpr *CreatorLock;
  const VarDecl *Mutex, *Event;
  /// The task's lock of the mutex and its wait for the event.
  const Stmt *TaskLock;
  const CoroutineSuspendExpr *TaskWait;
  /// The creator's first set of the event after its lock (may be null).
  const CXXMemberCallExpr *Setter;
};

struct LockedTaskKnowledge {
  const EventKnowledge &Events;
  const NameMatcher &AsyncMutexes;
  const NameMatcher &InlineStarts;
};

/// The awaited locks of \p Creator (a coroutine whose body is \p Body, CFG
/// \p Graph, suspension points \p Points) that wait for a task it started.
/// Evidence: the task is started on every path to the lock, runs at once
/// (its coroutine is eager, or it is given to an InlineStarts call), and on
/// every path of its body first suspends at an await of an event, holding
/// the mutex since its only earlier suspension (the awaited lock); both are
/// unset locals of \p Creator that it names nowhere on the paths to its
/// lock but in the start.
std::vector<LockedTaskWait> lockedTaskWaits(
    const FunctionDecl &Creator, const Stmt &Body, const CFG &Graph,
    ArrayRef<const CoroutineSuspendExpr *> Points,
    const LockedTaskKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCKEDTASKWAITS_H
