//===--- PoolSelfBlocks.h - async-lint --------------------------*- C++ -*-===//
//
// A coroutine that blocks the only thread of a thread pool on work that
// needs that thread: it has moved onto a pool created with one thread
// (co_await pool.schedule()), and there, without suspending again, it calls
// sync_wait on a coroutine that itself moves onto the same pool before it
// can end. The blocked thread is the one the work waits for.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_POOLSELFBLOCKS_H
#define ASYNC_LINT_MODEL_POOLSELFBLOCKS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;
class SuspensionFlow;

// Thread pools: made by a constructor whose first argument is their thread
// count, or by one of PoolMakers, held by the smart pointer it returns.
inline constexpr llvm::StringLiteral DefaultPoolTypes =
    "cppcoro::static_thread_pool;coro::thread_pool";
// Members whose awaited call moves the coroutine onto one of the pool's
// threads.
inline constexpr llvm::StringLiteral DefaultPoolScheduleMembers =
    "cppcoro::static_thread_pool::schedule;coro::thread_pool::schedule";
// Calls that make a pool from an options struct (passed as a braced
// initialiser) and return an owning pointer to it.
inline constexpr llvm::StringLiteral DefaultPoolMakers =
    "coro::thread_pool::make_unique";
// The fields of such an options struct that give the thread count.
inline constexpr llvm::StringLiteral DefaultPoolThreadCounts =
    "coro::thread_pool::options::thread_count";

struct PoolKnowledge {
  const NameMatcher &Types;
  const NameMatcher &ScheduleMembers;
  /// Pool makers and the options fields that give their thread count.
  const NameMatcher &Makers;
  const NameMatcher &ThreadCounts;
  /// Functions that block the calling thread until the awaitable given
  /// ends (the shared SyncWaitFunctions).
  const NameMatcher &SyncWaits;
};

/// A sync_wait on the only thread of \p Pool, of work that needs it.
struct PoolSelfBlock {
  const CallExpr *SyncWait;
  const VarDecl *Pool;
  /// Where the blocking coroutine moved onto the pool.
  const CoroutineSuspendExpr *OnPool;
  /// The work waited for, and where it moves onto the pool.
  const FunctionDecl *Work;
  const CoroutineSuspendExpr *WorkOnPool;
};

/// The sync_wait calls of \p Coroutine (body \p Body, CFG \p Graph, its
/// suspension points \p Points) that block a one-thread pool's thread:
/// every path to the call passes an awaited schedule onto the pool (a
/// variable, not a reference or parameter, constructed with a thread count
/// of 1, or a smart pointer a maker returned for options setting a thread
/// count of 1) and no other suspension point may run between the two; the
/// work
/// waited for is a call of a coroutine whose every path to its end awaits a
/// schedule onto the same pool (matched through its arguments).
std::vector<PoolSelfBlock> poolSelfBlocks(
    const FunctionDecl &Coroutine, const Stmt &Body, const CFG &Graph,
    ArrayRef<const CoroutineSuspendExpr *> Points, const PoolKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_POOLSELFBLOCKS_H
