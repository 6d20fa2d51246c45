//===--- CompletionGuards.h - async-lint ------------------------*- C++ -*-===//
//
// Whether a member of a task type waits only until its own task completes:
// the call in its body that leads to the wait runs only under an `if` whose
// condition reads a field that the task's promise writes when the coroutine
// finishes (in return_value, return_void or unhandled_exception). corolib's
// `async_task_base::get_result()` is `if (promise.m_result.wait_for_result())
// promise.m_sema.wait();`, and return_value sets m_result: the semaphore
// wait is a wait for the task's result, which the task's readiness decides,
// not a wait on another thread.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COMPLETIONGUARDS_H
#define ASYNC_LINT_MODEL_COMPLETIONGUARDS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// True when \p Site, a statement of \p Member's body, runs only under a
/// test of a field that the promise of \p Member's class (its nested
/// promise_type, or the class of the field) writes on completion.
bool waitsOnlyUntilComplete(const FunctionDecl &Member, const Stmt &Site);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COMPLETIONGUARDS_H
