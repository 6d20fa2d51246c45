//===--- Exceptions.h - async-lint ------------------------------*- C++ -*-===//
//
// Where an exception can leave a body of code, and what a promise does with
// the exceptions of its coroutine.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXCEPTIONS_H
#define ASYNC_LINT_MODEL_EXCEPTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async::model {

class NameMatcher;

/// The functions that override each virtual function of a translation unit
/// (also through intermediate classes), found on first use.
class OverrideIndex {
public:
  void reset() {
    For = nullptr;
    Map.clear();
  }
  /// Every function in the translation unit that overrides \p Method.
  llvm::ArrayRef<const CXXMethodDecl *> overriders(const CXXMethodDecl &Method,
                                                   ASTContext &Ctx);

private:
  const ASTContext *For = nullptr;
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>>
      Map;
};

/// What counts as a point from which an exception can leave a body.
struct ThrowPolicy {
  /// Awaits of these types never throw (asio's this_coro::executor).
  const NameMatcher *NonSuspending = nullptr;
  /// Completion tokens whose operations report failure by throwing
  /// (asio's use_awaitable_t); an awaited operation given another token
  /// (as_tuple, redirect_error) does not throw.
  const NameMatcher *ThrowingTokens = nullptr;
  /// Functions known to throw on failure (asio's acceptor constructor).
  const NameMatcher *ThrowingFunctions = nullptr;
  /// Count every call not declared noexcept, not only the known ones and
  /// those whose visible body throws.
  bool AnyCall = false;
  /// Count an await of a task handed in as a parameter (a wrapper that runs
  /// whatever task its caller gives it): that task may throw anything.
  bool AwaitedParameters = false;
  /// Combinators that fail only when every task they combine fails (asio's
  /// a || b waits for the first success).
  const NameMatcher *FirstSuccessCombinators = nullptr;
  /// Asynchronous operations whose only failure is cancellation (asio's
  /// timer waits complete with operation_aborted only when the timer is
  /// cancelled): awaited on a local object that nothing else can reach,
  /// they cannot fail where the task is not cancelled from outside.
  const NameMatcher *CancelOnlyOperations = nullptr;
  /// Where the overriders of a virtual function are found: a virtual call
  /// whose object's dynamic type is not visible throws only when every body
  /// that may run throws. Null: judged by the called declaration alone.
  OverrideIndex *Overrides = nullptr;
};

/// The parameter of task type that \p Await awaits (co_await t,
/// co_await std::move(t)); null otherwise.
const ParmVarDecl *awaitedTaskParameter(const CoroutineSuspendExpr &Await);

/// The parameter of \p Await's coroutine whose call makes the task it
/// awaits (co_await fn(args), co_await std::invoke(fn, args), through
/// std::forward): a wrapper running whatever task its caller's function
/// makes; null otherwise.
const ParmVarDecl *awaitedTaskMaker(const CoroutineSuspendExpr &Await);

/// The point of \p Body (a function's user body) from which an exception
/// can escape it, outside the try block of a handler that catches
/// everything (catch (...) or catch of std::exception): a throw expression
/// first, else an await of an operation that throws, else a call that
/// throws (see ThrowPolicy), each the first in source order. Nested lambdas
/// and local classes are not part of the body. Null when nothing escapes.
const Stmt *firstEscapingThrow(const Stmt *Body, const ThrowPolicy &Policy,
                               ASTContext &Ctx);

/// The definition of the 'unhandled_exception' member of \p Promise when it
/// drops the exception: it neither rethrows, nor stores it
/// (std::current_exception), nor terminates, nor calls a member function
/// whose body is not visible (which may store it), also through the visible
/// bodies of the functions it calls. Null otherwise.
const CXXMethodDecl *swallowingUnhandledException(const CXXRecordDecl *Promise);

/// How a function runs a task handed to it with the task's exceptions
/// dropped: the coroutine that awaits the task, whose promise drops what it
/// throws, and the call that hands the task on to it.
struct DroppingRun {
  /// The call, in the body of the function asked about or of one it hands
  /// the task on to, that hands the task to the runner; null when the
  /// function asked about is the runner itself.
  const CallExpr *HandedAt = nullptr;
  /// The coroutine that awaits the task.
  const FunctionDecl *Runner = nullptr;
  /// Its promise's 'unhandled_exception', which drops the exception.
  const CXXMethodDecl *Swallow = nullptr;
};

/// How \p Fn runs the task its parameter \p Param receives, with the task's
/// exceptions dropped: \p Fn itself, when it is a coroutine of a type that
/// \p Unawaited accepts (nothing awaits it), whose promise swallows the
/// exception (swallowingUnhandledException), and which awaits \p Param
/// outside the try block of a catch-all handler; else the one call of its
/// visible body that hands \p Param on (moved or copied) to a parameter of a
/// function that runs it so, through at most \p Depth functions between
/// \p Fn and the runner. Empty otherwise.
std::optional<DroppingRun>
droppingRun(const FunctionDecl &Fn, const ParmVarDecl &Param,
            llvm::function_ref<bool(QualType)> Unawaited, unsigned Depth = 1);

// Where the failure of a task goes: the coroutine a spawn or a handler is
// about, and the handler itself.

/// The coroutine a spawned expression runs: a call of a coroutine, or a
/// coroutine lambda given as a function object. Null otherwise.
const FunctionDecl *spawnedCoroutine(const Expr *Spawned);

/// The coroutine whose task \p Object is: a call of a coroutine, through
/// std::move, member calls that pass the task on (lazy.via(ex)) and a local
/// initialised from one. Null when it is not seen.
const FunctionDecl *taskCoroutine(const Expr *Object, unsigned Depth = 0);

/// The lambda a handler argument is: written in place, or a local variable
/// initialised with one (a lambda's body cannot be changed by assignment).
const LambdaExpr *handlerLambda(const Expr *Arg);

/// The coroutine whose failure the handler \p Arg of \p Call receives: the
/// task a member call is made on (lazy.start(callback)), or the coroutine
/// spawned with it. Null when it is not seen.
const FunctionDecl *handledCoroutine(const CallExpr &Call, const Expr &Arg);

/// True for a failure type that also carries the value (async_simple's and
/// folly's Try<T>): a callback that ignores it may only want the run.
bool carriesValue(QualType Failure);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXCEPTIONS_H
