//===--- StartedTogether.h - async-lint -------------------------*- C++ -*-===//
//
// Coroutines that one function starts to run together: the coroutine calls
// given to one combinator call (when_all, collectAll, ...), or to spawn
// calls where one may run after the other on the function's CFG. And what
// a name in a started coroutine (a parameter, a member, a captured or
// global variable) denotes in the function that starts it, so that two
// coroutines' waits and signals can be matched on the same object.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STARTEDTOGETHER_H
#define ASYNC_LINT_MODEL_STARTEDTOGETHER_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;

// Functions that start a task to run on its own, beyond the shared
// SpawnFunctions list: two of them, one after the other, run together.
inline constexpr llvm::StringLiteral DefaultStartFunctions =
    "::coro::thread_pool::spawn_detached;::coro::scheduler::spawn_detached;"
    "::coro::io_scheduler::spawn_detached;::coro::thread_pool::spawn_joinable;"
    "::coro::scheduler::spawn_joinable;::coro::task_group::start;"
    "cppcoro::async_scope::spawn;concurrencpp::executor::post;"
    "concurrencpp::executor::submit";

/// A coroutine started by a call of the function judged.
struct StartedCoroutine {
  const FunctionDecl *Coroutine;
  const CallExpr *Call;
  /// The call that starts it with the others (a combinator or a spawn).
  const Stmt *Start;
  /// How a diagnostic names it (startedName).
  std::string name() const;
};

/// The coroutines that \p Body (whose CFG \p Graph gives, may be null)
/// starts to run together: the coroutine calls given to one call of a
/// \p Combinators function, and those given to \p Spawns calls (or called
/// on as their object) where another such spawn may run after it. The CFG
/// is asked for only when there are two spawns to order.
std::vector<StartedCoroutine>
startedTogether(const Stmt &Body, llvm::function_ref<const CFG *()> Graph,
                const NameMatcher &Combinators, const NameMatcher &Spawns,
                const NameMatcher &MoreSpawns, const OwnStmts *Own = nullptr);

/// What \p Key (as \p Started's coroutine names it) denotes in \p Caller,
/// the function that starts it: the variable passed for a reference or
/// pointer parameter, a member with the object it is called on (the
/// variable, or \p Caller for 'this'), a variable of the caller or a global
/// itself. {null, null} when it is the coroutine's own or cannot be told.
std::pair<const ValueDecl *, const void *>
denotedInCaller(const ValueDecl *Key, const StartedCoroutine &Started,
                const FunctionDecl &Caller);

/// The coroutine call \p E is (through moves and temporaries), or null.
const CallExpr *coroutineCall(const Expr *E);

/// What the expression \p E of \p Caller denotes, as denotedInCaller does
/// for a started coroutine's names: a variable, or a member with the object
/// it belongs to (\p Caller for 'this').
std::pair<const ValueDecl *, const void *>
denotedInCaller(const Expr *E, const FunctionDecl &Caller);

/// Where a diagnostic points at the start of a coroutine \p Call: a lambda
/// coroutine's call at the lambda.
SourceLocation startLocation(const CallExpr &Call);

/// How a diagnostic names a started coroutine: "the lambda ..." for one.
std::string startedName(const FunctionDecl &FD);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STARTEDTOGETHER_H
