//===--- SuspendedLockReleases.h - async-lint -------------------*- C++ -*-===//
//
// Locks given up while a coroutine is suspended: the awaited operation is
// handed the lock (the guard, or the mutex a guard was made on) and its
// visible definition passes it to an awaiter whose await_suspend unlocks it,
// or adopts it into a guard that unlocks it on leaving. The shape of a
// coroutine condition variable's wait(lock, pred) (async_simple's
// ConditionVariable::wait), which takes the lock back before the caller
// resumes. A wait whose definition is in another unit shows nothing either
// way; it is given the benefit of the doubt unless the check is strict.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUSPENDEDLOCKRELEASES_H
#define ASYNC_LINT_MODEL_SUSPENDEDLOCKRELEASES_H

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// True when the suspension \p Point awaits an operation that is handed the
/// lock \p Key (a guard variable or a mutex's declaration, as
/// heldLocksAtSuspensions keys them) by non-const reference and releases it
/// while the coroutine is suspended, as far as the unit shows. An operation
/// whose definition the unit does not show (a library's wait defined in its
/// own .cpp) is taken to release it unless \p StrictOpaque.
bool awaitReleasesLock(const CoroutineSuspendExpr &Point, const void *Key,
                       bool StrictOpaque);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUSPENDEDLOCKRELEASES_H
