//===--- HandedOverTasks.h - async-lint -------------------------*- C++ -*-===//
//
// What a call does with a task object that the library's lists do not say:
// a function declared only that takes the task by value owns it from then on
// and may run it whenever it likes (a scheduler's 'keep running', a frame
// loop's 'add'); a member function of the task's own class whose body
// resumes the coroutine (a generator's begin(), a hand-written 'step')
// runs it there, as an await does.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_HANDEDOVERTASKS_H
#define ASYNC_LINT_MODEL_HANDEDOVERTASKS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// True when \p Call hands the task it is given as argument \p I over to a
/// callee that may keep it past the call, as far as the code says: the
/// argument is a local that holds the task (it has outlived the full
/// expression that made it), the callee is declared only (no body in the
/// unit; a visible body is summarised by TaskFlow instead), it is not in
/// namespace std, its parameter is a task type taken by value (it owns the
/// task), and it returns no task or awaitable of its own (an adapter whose
/// result takes the task's place has the fate of its result, not known
/// here).
bool takesTaskOver(const CallExpr &Call, unsigned I);

/// True when \p Call calls a member function (of a task type) that runs
/// the coroutine of its object: its visible body resumes a
/// std::coroutine_handle (`h.resume()`, `h()`).
bool resumesCoroutine(const CallExpr &Call);

/// True when \p Call resumes a coroutine handle itself
/// (std::coroutine_handle's resume() or operator()).
bool resumesHandle(const CallExpr &Call);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_HANDEDOVERTASKS_H
