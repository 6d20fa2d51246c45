//===--- ForwardedParameters.h - async-lint ---------------------*- C++ -*-===//
//
// Wrappers that hand a parameter on to a coroutine: a function, member
// function or lambda that is not a coroutine itself and returns the task of
// a coroutine it calls with one of its own parameters (or its object). What
// the coroutine borrows, the wrapper's caller lends.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FORWARDEDPARAMETERS_H
#define ASYNC_LINT_MODEL_FORWARDEDPARAMETERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

/// Where a wrapper's parameter ends up.
struct ForwardedParameter {
  /// The call in the wrapper's body that hands the parameter on (the first
  /// hop, for the note).
  const CallExpr *Hop = nullptr;
  /// The coroutine that receives it, through at most a few wrappers.
  const FunctionDecl *Coro = nullptr;
  /// Its parameter that receives it; -1: its implicit object.
  int CoroIndex = 0;
};

/// Where parameter \p Index of \p Wrapper (-1: its implicit object) goes
/// when the wrapper, a function with a visible body that is not a
/// coroutine, returns the task of a coroutine call that receives it
/// directly (or through std::move, std::forward or a cast): returned as the
/// call's result, or as a local initialised with it. Wrappers of wrappers
/// are followed a few calls deep. std::nullopt when the parameter does not
/// reach a coroutine that way (it is copied, or the task comes from
/// elsewhere).
std::optional<ForwardedParameter>
forwardedParameter(const FunctionDecl &Wrapper, int Index);

/// The function the type-erased function object \p Object (a local of a
/// wrapper class such as std::function) was initialised with, when the
/// initialiser names a function or is a lambda, and the local is neither
/// assigned nor passed by non-const reference afterwards in \p Body; null
/// otherwise.
const FunctionDecl *storedTarget(const Expr &Object, const Stmt &Body);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FORWARDEDPARAMETERS_H
