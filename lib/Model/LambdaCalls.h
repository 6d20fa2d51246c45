//===--- LambdaCalls.h - async-lint -----------------------------*- C++ -*-===//
//
// The lambdas whose bodies a call runs before it returns: a lambda called in
// place (`[&] { ... }()`), called by the name of the local it initialises,
// given to a function that calls it at once (std::invoke), or, for a
// coroutine lambda, whose task is given to a call that starts it and waits
// for it (cppcoro::sync_wait([&]() -> task<> { ... }())). What such a body
// does happens at that call, on the caller's paths.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LAMBDACALLS_H
#define ASYNC_LINT_MODEL_LAMBDACALLS_H

#include "CallInfo.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

/// A lambda whose body a call runs.
struct CalledLambda {
  const LambdaExpr *Lambda = nullptr;
  /// The mention of the local that names the lambda at the call (a local
  /// variable initialised by it); null for a lambda written in place.
  const DeclRefExpr *Named = nullptr;
  /// A coroutine lambda whose task the call starts and waits for.
  bool Started = false;
};

/// The lambdas \p Call (described by \p Info, when known) runs: the object
/// of its operator(), the first argument of an \p InvokeFunctions call, the
/// coroutine lambda called in each argument of a \p TaskStarters call.
/// A plain lambda counts only as a plain lambda (its body runs at the call),
/// a coroutine lambda only when started.
llvm::SmallVector<CalledLambda, 1>
lambdasRunBy(const CallExpr &Call, const CallInfo *Info,
             const NameMatcher &InvokeFunctions,
             const NameMatcher &TaskStarters);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LAMBDACALLS_H
