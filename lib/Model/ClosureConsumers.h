//===--- ClosureConsumers.h - async-lint ------------------------*- C++ -*-===//
//
// Code that calls a function object and then destroys it: a callback API
// (by name), a function whose visible body calls its by-value parameter or
// a local copy (or drops the task of a call of the caller's temporary), and
// a composer that keeps a coroutine lambda only until its operation starts.
// A coroutine lambda (or a task borrowing a capture) outlives its closure
// there.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CLOSURECONSUMERS_H
#define ASYNC_LINT_MODEL_CLOSURECONSUMERS_H

#include "CallInfo.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// APIs that call a function object and destroy it once the call returns.
/// Seastar's calls on every shard belong here: the copy invoke_on_all and
/// invoke_on_others make per shard is a temporary of that call, destroyed
/// once it has returned its future, whether or not the caller awaits it
/// (Seastar's lambda-coroutine-fiasco; scylladb#12175). smp::submit_to and
/// sharded::invoke_on (one shard) do not: submit_to's contract moves a
/// temporary function object into storage it keeps until the returned
/// future resolves, and invoke_on hands it the function inside such a
/// temporary.
constexpr llvm::StringLiteral DefaultCallbackFunctions =
    "asio::post;asio::dispatch;asio::defer;asio::io_context::post;"
    "asio::io_context::dispatch;folly::Executor::add;folly::Future::thenValue;"
    "folly::Future::thenTry;folly::SemiFuture::deferValue;folly::via;"
    "folly::Executor::addWithPriority;concurrencpp::executor::post;"
    "concurrencpp::executor::submit;"
    "seastar::sharded::invoke_on_all;seastar::sharded::invoke_on_others;"
    "seastar::smp::invoke_on_all;seastar::smp::invoke_on_others;"
    "::std::thread::thread;::std::jthread::jthread;::std::async;"
    "post;dispatch;defer;then;execute;submit;enqueue";

/// Calls that keep a coroutine lambda, the implementation of an
/// asynchronous operation, in the initiation object they return: it is
/// destroyed once the operation has started, while the coroutine runs until
/// it completes.
constexpr llvm::StringLiteral DefaultComposeFunctions =
    "asio::experimental::co_composed;asio::co_composed";

/// How a callee consumes a function object: the statement of its body that
/// calls it and lets the closure die when it returns (a by-value parameter
/// or a local copy), or drops the task of a call of the caller's temporary
/// (\p Temporary: a reference parameter).
struct Consumption {
  const Stmt *CalledAt = nullptr;
  bool Temporary = false;
};

/// How the visible body of the function \p Call calls (described by
/// \p Info) consumes its function-object argument \p I; empty when it does
/// not, or when the body waits for work to finish (one of \p Waits: a sync
/// wait or join, which may outlast the coroutine). A coroutine keeps its
/// by-value parameters in its frame: never a consumer.
Consumption consumerCall(const CallExpr &Call, unsigned I, const CallInfo &Info,
                         const NameMatcher &Waits);

/// The closure a call invokes: f(), std::invoke(f, ...); null otherwise.
const Expr *invokedClosure(const Stmt &S);

/// The variable \p Lambda captures by copy that \p E names in its body: a
/// captured variable or an init-capture; null otherwise.
const VarDecl *copiedCapture(const LambdaExpr &Lambda, const Expr *E);

/// The coroutine call operator of the capturing lambda a composer \p Call
/// (of ComposeFunctions) is given as its first argument: of a generic
/// lambda (asio's 'auto state'), the instantiation the library runs. Null
/// when it is none, copies its closure, or is still dependent.
const CXXMethodDecl *composedCoroutine(const CallExpr &Call,
                                       const LambdaExpr *&Lambda);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CLOSURECONSUMERS_H
