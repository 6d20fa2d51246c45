//===--- InlineSpawnStarts.h - async-lint -----------------------*- C++ -*-===//
//
// Spawns that run the coroutine they start up to its first suspension
// before they return. asio's co_spawn dispatches its entry point to the
// executor it is given: on a thread that runs that executor, the dispatch
// runs inline, so the spawned coroutine's code up to its first suspension
// (the operand of its first co_await, the initiation of the operation it
// awaits) runs inside the co_spawn call. An asio coroutine always runs on
// its own executor (every resumption is dispatched to it), so a co_spawn
// on the executor the calling coroutine awaited from this_coro::executor
// is such a spawn, on every run, whatever the number of threads; so is one
// on the context a coroutine lambda was itself spawned on, in its
// enclosing function.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_INLINESPAWNSTARTS_H
#define ASYNC_LINT_MODEL_INLINESPAWNSTARTS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::model {

/// The defaults of async-lambda-capture-lifetime's DispatchingSpawns and
/// OwnExecutorAwaitables options.
inline constexpr llvm::StringLiteral DefaultDispatchingSpawns =
    "asio::co_spawn";
inline constexpr llvm::StringLiteral DefaultOwnExecutorAwaitables =
    "asio::this_coro::executor_t";

class CaptureUses;
class NameMatcher;
class OwnStmts;
struct LibraryAnalyses;

/// The lists that say which spawns dispatch their start, and which awaited
/// operands yield the awaiting coroutine's own executor.
struct InlineStartLists {
  /// Spawns that dispatch the start of the coroutine they are given to
  /// their executor (asio::co_spawn).
  const NameMatcher &DispatchingSpawns;
  /// Classes of awaited operands whose result is the executor the awaiting
  /// coroutine runs on (asio::this_coro::executor_t).
  const NameMatcher &OwnExecutors;
};

/// True when \p Spawn, a call in the coroutine \p Caller (whose own
/// statements are \p Own), is a dispatching spawn given the caller's own
/// executor: `co_await this_coro::executor` as its first argument, or a
/// local of \p Caller initialised from it and never assigned; or, when
/// \p Caller is a coroutine lambda that a dispatching spawn in its
/// enclosing function is given as its function object, the same context
/// or executor as that spawn (one variable or member of the enclosing
/// object that cannot name another object: a reference, a const, an
/// execution context, which cannot be assigned; `ctx` or
/// `ctx.get_executor()`). The spawned coroutine then runs up to its first
/// suspension before \p Spawn returns.
bool startsInline(const CallExpr &Spawn, const FunctionDecl &Caller,
                  const OwnStmts &Own, const InlineStartLists &Lists);

/// A local lent by a coroutine lambda to a coroutine it calls: the
/// callee's use of its parameter after it may have suspended.
struct LentUse {
  const Stmt *Use = nullptr;
  const ParmVarDecl *Param = nullptr;
  const FunctionDecl *Callee = nullptr;
};

/// The first call in the coroutine lambda \p Op that binds \p Var (a local
/// it captures by reference; directly, or its address) to a reference or
/// pointer parameter of a coroutine defined in the unit that uses the
/// parameter after it may have suspended (`co_await drain(job)`): the
/// lambda's own use comes before its first suspension, the callee's after.
/// An empty LentUse when there is none.
LentUse lentToCoroutine(const CXXMethodDecl &Op, const VarDecl &Var,
                        CaptureUses &Uses, const LibraryAnalyses &A);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_INLINESPAWNSTARTS_H
