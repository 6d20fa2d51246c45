//===--- FrameEnds.h - async-lint -------------------------------*- C++ -*-===//
//
// Calls that end a coroutine's frame: std::coroutine_handle's destroy().
// A task object that is itself a coroutine handle (a class derived from
// std::coroutine_handle, or the handle) ends where the function destroys
// it, directly, through a reference to its base, or through a copy: no
// part of the coroutine runs after that, so nothing it refers to can be
// used late (the task flow counts the destroy as the task's last use, as it
// does `t.handle.destroy()` on a handle member).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FRAMEENDS_H
#define ASYNC_LINT_MODEL_FRAMEENDS_H

#include "clang/AST/DeclCXX.h"

namespace clang::tidy::async::model {

/// True when \p Method destroys the coroutine frame of the handle it is
/// called on: std::coroutine_handle<P>::destroy (and the Coroutines TS'
/// std::experimental one), also when called on a class derived from it.
bool destroysFrame(const CXXMethodDecl &Method);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FRAMEENDS_H
