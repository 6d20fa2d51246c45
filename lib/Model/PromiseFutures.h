//===--- PromiseFutures.h - async-lint --------------------------*- C++ -*-===//
//
// Futures that are the read end of a promise. A function that makes a
// promise, starts or hands on the work that sets it, and returns the
// promise's future has started that work whether anyone awaits the future
// or not: dropping the future loses the outcome, not the work.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PROMISEFUTURES_H
#define ASYNC_LINT_MODEL_PROMISEFUTURES_H

#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// True for a call of a \p FutureMembers member (a promise's getFuture).
bool isFutureCall(const Expr *E, const NameMatcher &FutureMembers);

/// True when \p FD, a function with a body that is not a coroutine, returns
/// on every return statement (at least one) the future of a promise: the
/// result of a \p FutureMembers call (a promise's getFuture), directly or
/// through a local initialised by one and not assigned again. Its callers
/// get the read end of a promise, never the work itself. A call of a
/// helper with a body (make_error_future) counts as such a future when
/// \p HelperReturnsFuture says the helper returns one (null: never).
bool returnsPromiseFuture(const FunctionDecl &FD,
                          const NameMatcher &FutureMembers,
                          llvm::function_ref<bool(const FunctionDecl &)>
                              HelperReturnsFuture = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PROMISEFUTURES_H
