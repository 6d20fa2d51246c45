//===--- ForwardedArguments.h - async-lint ----------------------*- C++ -*-===//
//
// Whether an argument that a wrapper (a function, member function or lambda
// that is not a coroutine and returns a coroutine's task, or a type-erased
// function object holding one) hands on to a coroutine dies before the
// coroutine's task is done with it. The wrapper's visible body says where
// its parameter goes (ForwardedParameters.h); the coroutine's body (or its
// lazy task type) says when it is used; the caller's task flow says how long
// the task lives.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FORWARDEDARGUMENTS_H
#define ASYNC_LINT_MODEL_FORWARDEDARGUMENTS_H

#include "ForwardedParameters.h"
#include "LateParameterUses.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

/// An argument handed on to a coroutine that dies before its task is done.
struct ForwardedDeath {
  ForwardedParameter Fwd;
  /// What the argument refers to.
  Referent R;
  /// The coroutine's first late use of its parameter; null for a declared
  /// coroutine (its lazy task uses it whenever it runs).
  const Stmt *Use = nullptr;
  Laziness Lazy = Laziness::Unknown;
  bool Declared = false;
  TaskFate Fate;
  SourceLocation Dies;
};

/// Whether \p At, passed by \p Call (made in the function whose task flow
/// \p Flow gives, built only when needed) for parameter \p Index (-1: the
/// object) of \p Wrapper, as the argument of the wrapper's parameter \p Outer
/// (null: the object), reaches a coroutine's parameter that \p RefersThrough
/// accepts and dies before the coroutine's task is done with it; std::nullopt
/// otherwise.
std::optional<ForwardedDeath> forwardedArgumentDeath(
    const CallExpr &Call, llvm::function_ref<const TaskFlow &()> Flow,
    const FunctionDecl &Wrapper, int Index, const ParmVarDecl *Outer,
    const Expr &At, llvm::function_ref<bool(const ParmVarDecl &)> RefersThrough,
    LateParameterUses &Late, const LibraryAnalyses &A);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FORWARDEDARGUMENTS_H
