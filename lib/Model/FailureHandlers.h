//===--- FailureHandlers.h - async-lint -------------------------*- C++ -*-===//
//
// Where the failure of a task goes: the coroutine a spawn or a handler is
// about, and the handler itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FAILUREHANDLERS_H
#define ASYNC_LINT_MODEL_FAILUREHANDLERS_H

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

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

#endif // ASYNC_LINT_MODEL_FAILUREHANDLERS_H
