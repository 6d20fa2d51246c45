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
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::model {

/// async-unbounded-spawn's defaults: the calls that bound how many tasks
/// run at once (a semaphore's acquire), the calls that start work like a
/// spawn, and the parallel for-each functions.
inline constexpr llvm::StringLiteral DefaultLimiterFunctions =
    "acquire;async_acquire;try_acquire;co_acquire;acquire_slot;"
    "folly::coro::Semaphore::co_wait;::coro::semaphore::acquire;"
    "async_simple::coro::CountingSemaphore::acquire";
inline constexpr llvm::StringLiteral DefaultSpawnLikeFunctions = "::std::async";
inline constexpr llvm::StringLiteral DefaultParallelForEachFunctions =
    "seastar::parallel_for_each;seastar::coroutine::parallel_for_each;"
    "parallel_for_each";

class NameMatcher;
class OwnStmts;

/// What \p Call spawns: for a function of \p SpawnFunctions or
/// \p SpawnLikeFunctions, the object of a member spawn (task.start()) or its
/// first argument that is a task, an awaitable or a function object (else
/// its first argument, or the call); the thread of `t.detach()` or the
/// container of `threads.emplace_back(...)`; the call of an eager coroutine
/// (not an awaitable) that returns its task by value. Null when \p Call
/// spawns nothing.
///
/// Asked of every call, so two optional memos: \p Own, the statements of the
/// function \p Call is in (its description of the call), and \p EagerTasks,
/// the answers so far of the unit (kept by the caller and cleared when the
/// unit ends) to whether a call returning a type runs detached, by
/// canonical type: each answer reads the type's promise and members.
using EagerTaskMemo = llvm::DenseMap<const Type *, bool>;
const Expr *spawnedBy(const CallExpr &Call, const NameMatcher &SpawnFunctions,
                      const NameMatcher &SpawnLikeFunctions,
                      const OwnStmts *Own = nullptr,
                      EagerTaskMemo *EagerTasks = nullptr);

/// The first of \p Spawns in \p Loop's own body (a spawn in a loop nested
/// in it is that loop's, unless that loop never repeats: neverRepeats with
/// \p AlwaysFalse, a `do { ... } while (dummy_cond())` of a test macro);
/// null when there is none.
const CallExpr *
firstSpawnIn(const Stmt &Loop, const OwnStmts &Own,
             const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns,
             const NameMatcher &AlwaysFalse, const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SPAWNSITES_H
