//===--- DropHandOffs.h - async-lint ----------------------------*- C++ -*-===//
//
// Awaitables that hand their work on when they are destroyed without being
// awaited: dropping one loses at most the wait, not the work.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPHANDOFFS_H
#define ASYNC_LINT_MODEL_DROPHANDOFFS_H

#include "clang/AST/Type.h"

namespace clang::tidy::async::model {

/// True when a value of type \p T hands its work on when it is destroyed:
/// its destructor (a visible body) moves out a data member of the object
/// that awaiting it (its operator co_await or await_suspend) moves out too.
/// The work the value carries goes on whether it is awaited or dropped
/// (corral's Nursery::start submits the child from the destructor of the
/// awaitable it returns when that was not awaited). A destructor that
/// moves nothing, or moves what awaiting does not, is no such evidence.
bool handsOnWhenDropped(QualType T);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPHANDOFFS_H
