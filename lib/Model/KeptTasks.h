//===--- KeptTasks.h - async-lint -------------------------------*- C++ -*-===//
//
// A spawn that keeps the task it is given and not the closure that made it:
// a capturing coroutine lambda called in place as the spawn's argument
// (`pool.spawn_detached([s]() -> task<> { ... }())`). The closure is a
// temporary of that full expression; the spawn runs the task later, on
// another thread, after the closure and its captures are destroyed.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_KEPTTASKS_H
#define ASYNC_LINT_MODEL_KEPTTASKS_H

#include "ClosureLifetimes.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang::tidy::async::model {

/// async-lambda-capture-lifetime's default: spawns, beyond SpawnFunctions,
/// that keep the task they are given past the call (libcoro's; they are
/// not in the shared SpawnFunctions list, whose other checks would need to
/// know that `thread_pool::shutdown()` joins them).
inline constexpr llvm::StringLiteral DefaultTaskKeepingSpawns =
    "::coro::thread_pool::spawn_detached;::coro::thread_pool::spawn_joinable;"
    "::coro::scheduler::spawn_detached;::coro::scheduler::spawn_joinable";

/// The closure of a capturing coroutine lambda called in place as an
/// argument of \p Spawn, a call of a function of \p Keepers, destroyed at
/// the end of the full expression while the task it made still uses a
/// capture. Not when \p Spawn returns a task awaited in that same full
/// expression (the closure outlives it then). \p Own: the statements of
/// \p Encl, whose description of the call is read when given.
std::optional<LifetimeEvidence> keptTaskClosure(const CallExpr &Spawn,
                                                const NameMatcher &Keepers,
                                                const EnclosingFunction &Encl,
                                                const ClosureLifetimeRules &R,
                                                const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_KEPTTASKS_H
