//===--- SingleThreadContext.h - async-lint ---------------------*- C++ -*-===//
//
// An execution context that one thread runs: a local of a function (an
// asio::io_context) that the function runs on its own thread and that no
// other code can reach (it is named only to run it, to take its executor
// and to hand work to it). Work that must run on it cannot run while that
// thread blocks: a coroutine running there that blocks on such work waits
// for itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SINGLETHREADCONTEXT_H
#define ASYNC_LINT_MODEL_SINGLETHREADCONTEXT_H

#include "ContextUses.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;

/// A local context of one function, run only by that function's thread.
struct SingleThreadContext {
  const VarDecl *Context = nullptr;
  /// Where the function runs it (the first call).
  const CallExpr *Run = nullptr;
  /// The calls that hand work to it (the context, or its executor, their
  /// first argument).
  std::vector<const CallExpr *> HandOffs;
};

/// The defaults of the lists below (async-circular-wait's options; the
/// lists async-blocking-call uses to leave these waits to it). The context
/// types and their run members are ContextUses' asio lists (the contexts
/// async-work-never-run knows): one list of what runs an io_context.
inline const std::string DefaultContextTypes =
    asioNames(ContextList::ContextTypes);
inline const std::string DefaultContextRunMembers =
    asioNames(ContextList::RunFunctions);
inline constexpr llvm::StringLiteral DefaultContextQueryMembers =
    "asio::io_context::get_executor;asio::io_context::stop;"
    "asio::io_context::stopped;asio::io_context::restart";
inline constexpr llvm::StringLiteral DefaultContextHandOffs =
    "asio::co_spawn;asio::post;asio::dispatch;asio::defer";
inline constexpr llvm::StringLiteral DefaultExecutorQueries =
    "asio::this_coro::executor";
inline constexpr llvm::StringLiteral DefaultFutureTokens = "asio::use_future_t";

/// The lists that say what a context is and what is done with it.
struct SingleThreadKnowledge {
  /// Classes of execution contexts (asio::io_context).
  const NameMatcher &Types;
  /// Their members that run work on the calling thread (run, run_one, ...).
  const NameMatcher &RunMembers;
  /// Their members that only describe them (get_executor, stop, ...).
  const NameMatcher &QueryMembers;
  /// Functions that hand work to a context given first (co_spawn, post).
  const NameMatcher &HandOffFunctions;
  /// Awaitables that yield the running coroutine's executor.
  const NameMatcher &ExecutorQueries;
  /// Completion tokens that make a hand-off return a future.
  const NameMatcher &FutureTokens;
  /// Members that block until a future is ready (Library's JoinMembers).
  const NameMatcher &JoinMembers;
};

/// A coroutine handed to a single-thread context blocks that thread on a
/// future of work it handed to its own executor: the work needs the thread
/// the wait holds.
struct OwnContextWait {
  /// The blocking wait, and the hand-off of the work it waits for.
  const CallExpr *Wait = nullptr;
  const CallExpr *Work = nullptr;
  const FunctionDecl *Coroutine = nullptr;
  /// The context, and the hand-off of the coroutine to it.
  SingleThreadContext Context;
  const CallExpr *Spawn = nullptr;
};

/// The contexts local to the function whose body is \p Body that only its
/// own thread runs: run in its own code (not in a lambda or a thread), and
/// named nowhere else than as the object of a run or query member or the
/// first argument of a hand-off (directly or through get_executor()).
/// \p Own: the function's own statements, when the caller has them.
std::vector<SingleThreadContext>
singleThreadContexts(const Stmt &Body, const SingleThreadKnowledge &Know,
                     const OwnStmts *Own = nullptr);

/// The waits of coroutines that the function whose body is \p Body hands to
/// a context only its thread runs (singleThreadContexts) on work they hand
/// to that same context (their executor, awaited from \p ExecutorQueries).
std::vector<OwnContextWait> ownContextWaits(const Stmt &Body,
                                            const SingleThreadKnowledge &Know,
                                            const OwnStmts *Own = nullptr);

/// ownContextWaits of every function definition of the unit.
std::vector<OwnContextWait>
ownContextWaitsInUnit(ASTContext &Ctx, const SingleThreadKnowledge &Know);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SINGLETHREADCONTEXT_H
