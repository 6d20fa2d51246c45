//===--- SpawnSites.h - async-lint ------------------------------*- C++ -*-===//
//
// Which calls start work that runs on without the caller: a listed spawn
// (asio::co_spawn, a spawn-like function such as std::async), a detached
// std::thread, a thread started into a container of threads, or a call of an
// eager coroutine whose task is made to be dropped. Read from the call alone.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SPAWNSITES_H
#define ASYNC_LINT_MODEL_SPAWNSITES_H

#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// What \p Call spawns: for a function of \p SpawnFunctions or
/// \p SpawnLikeFunctions, the object of a member spawn (task.start()) or its
/// first argument that is a task, an awaitable or a function object (else
/// its first argument, or the call); the thread of `t.detach()` or the
/// container of `threads.emplace_back(...)`; the call of an eager coroutine
/// (not an awaitable). Null when \p Call spawns nothing.
const Expr *spawnedBy(const CallExpr &Call, const NameMatcher &SpawnFunctions,
                      const NameMatcher &SpawnLikeFunctions);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SPAWNSITES_H
