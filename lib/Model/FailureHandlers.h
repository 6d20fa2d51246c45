//===--- FailureHandlers.h - async-lint -------------------------*- C++ -*-===//
//
// Where the failure of a task goes: the coroutine a spawn or a handler is
// about, and the handler itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FAILUREHANDLERS_H
#define ASYNC_LINT_MODEL_FAILUREHANDLERS_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::model {

/// async-unobserved-exception's default RecoveryFunctions: continuations
/// that call a callback taking the failure type only when the result is a
/// failure, and continue the chain with what it returns (YACLib's Then and
/// ThenInline of the futures, shared futures and Task: algo/detail/
/// core.hpp calls a callback invocable with std::exception_ptr or the error
/// type only on an exception or an error); libunifex's upon_error and
/// let_error, whose callback runs only from the receiver's set_error (the
/// customisation-point objects' call operators).
inline constexpr llvm::StringLiteral DefaultRecoveryFunctions =
    "::yaclib::FutureBase::Then;::yaclib::FutureBase::ThenInline;"
    "::yaclib::Future::Then;::yaclib::Future::ThenInline;"
    "::yaclib::FutureOn::Then;::yaclib::FutureOn::ThenInline;"
    "::yaclib::SharedFutureBase::Then;::yaclib::SharedFuture::ThenInline;"
    "::yaclib::SharedFutureOn::Then;::yaclib::SharedFutureOn::ThenInline;"
    "::yaclib::Task::Then;::yaclib::Task::ThenInline;"
    "::unifex::_upon_error::_cpo::_fn::operator();"
    "::unifex::_let_e::_cpo::_fn::operator();"
    "::stdexec::upon_error_t::operator();::stdexec::let_error_t::operator()";

/// async-unobserved-exception's default ForwardingAdaptors: sender adaptors
/// that complete with what their child sender completes with, called with
/// the child (`starts_on(sch, child)`) or piped (`child | continues_on(sch)`):
/// stdexec's starts_on and continues_on, which run the child on or move its
/// completion to a scheduler (whose own schedule sender is not looked at).
/// And completion token adaptors, class templates whose first argument is
/// the token they wrap and whose handler hands it every completion: asio's
/// cancel_after and cancel_at (asio 1.30), bind_executor,
/// bind_cancellation_slot, bind_allocator, bind_immediate_executor and
/// consign (wrappedTokenName).
inline constexpr llvm::StringLiteral DefaultForwardingAdaptors =
    "::stdexec::starts_on_t::operator();::stdexec::continues_on_t::operator();"
    "asio::cancel_after_t;asio::cancel_at_t;asio::cancel_after_timer;"
    "asio::cancel_at_timer;asio::executor_binder;"
    "asio::cancellation_slot_binder;asio::allocator_binder;"
    "asio::immediate_executor_binder;asio::consign_t";

class NameMatcher;

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
/// spawned with it, or the sender \p Call is applied to by a pipe
/// (`sender | upon_error(handler)`); through adaptors of \p Forwarding that
/// complete with what their child completes with (`starts_on(sch, task())`).
/// Null when it is not seen.
const FunctionDecl *handledCoroutine(const CallExpr &Call, const Expr &Arg,
                                     const NameMatcher &Forwarding,
                                     ASTContext &Ctx);

/// True when \p Handler never returns: on every path its body ends in a
/// throw or a call of a function that does not return (std::terminate,
/// std::abort, any [[noreturn]] function, or a visible function whose body
/// ends so, two calls deep). The failure it receives stops the run there;
/// it is not dropped.
bool neverReturns(const LambdaExpr &Handler);

/// True when \p Call hands the handler \p Arg to one of \p Recovery, or to
/// a function whose visible body passes that parameter on only to such
/// calls (a helper that picks the continuation: `InlineThen(f, cb)`).
bool givenToRecovery(const CallExpr &Call, const Expr &Arg,
                     const NameMatcher &Recovery, unsigned Depth = 0);

/// True when the body of \p Handler returns a value (a return with an
/// operand): what a recovery step continues the chain with.
bool returnsValue(const LambdaExpr &Handler);

/// True for a failure type that also carries the value (async_simple's and
/// folly's Try<T>): a callback that ignores it may only want the run.
bool carriesValue(QualType Failure);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FAILUREHANDLERS_H
