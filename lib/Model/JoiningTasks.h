//===--- JoiningTasks.h - async-lint ----------------------------*- C++ -*-===//
//
// Task types whose destructor waits for their coroutine, as std::jthread's
// joins its thread: kelcoro's logical_thread requests stop and then blocks
// on a flag in its promise until the coroutine has reached its final
// suspend. Dropping such a task does not leave it running detached: the
// statement that drops it returns only once the coroutine has finished.
// Read from the visible bodies: the destructor reaches, through member
// functions of its own (and of the objects it reaches), a blocking wait
// (library data: the waits' list) on an object reached through the
// promise of the task's coroutine handle, or through a member of the task
// that points to its promise (a thread joined by the id the coroutine
// stored there).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_JOININGTASKS_H
#define ASYNC_LINT_MODEL_JOININGTASKS_H

#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// True when destroying an object of the task type \p Task blocks until its
/// coroutine has finished: its destructor's body (or a member function it
/// calls, up to a few calls deep) calls a wait in \p Waits on state that it
/// reached through the promise of its coroutine handle
/// (`handle_.promise().stopped.wait()`).
bool destructorWaitsForCoroutine(QualType Task, const NameMatcher &Waits);

/// The wait that makes destroying \p Task block until its coroutine has
/// finished, as destructorWaitsForCoroutine finds it; null when none. The
/// state waited on is reached through the promise: by the coroutine
/// handle's promise(), or by a member of the task pointing to its promise
/// (or a base of it), also through a local or a member function of the
/// task that returns what it reads (`pthread_join(promise->tid)`).
const CallExpr *destructorWait(QualType Task, const NameMatcher &Waits);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_JOININGTASKS_H
