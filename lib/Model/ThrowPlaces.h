//===--- ThrowPlaces.h - async-lint -----------------------------*- C++ -*-===//
//
// Where a coroutine's exception escapes, and what kind of place that is: the
// facts behind the "thrown here" note of async-unobserved-exception.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_THROWPLACES_H
#define ASYNC_LINT_MODEL_THROWPLACES_H

#include "EscapingThrows.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::async::model {

/// The first place (firstEscapingThrow) where an exception leaves the user
/// body of \p Coro under \p Policy; null when \p Coro is null or nothing
/// escapes.
const Stmt *firstCoroutineThrow(const FunctionDecl *Coro,
                                const ThrowPolicy &Policy, ASTContext &Ctx);

/// What a note says of a place where an exception escapes.
struct ThrowPlace {
  /// The note's text; its %0, when it has one, is Maker or else Name.
  llvm::StringRef Text;
  /// The parameter whose function makes the awaited task.
  const ParmVarDecl *Maker = nullptr;
  /// The quoted name of a call that may throw.
  std::string Name;
};

/// Describes \p Where, a place firstEscapingThrow returned: a throw, an
/// await of a task handed in by the caller or made by a function handed in
/// (awaitedTaskParameter, awaitedTaskMaker), an await of an operation that
/// reports failure by throwing, or a call that may throw.
ThrowPlace describeThrowPlace(const Stmt &Where);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_THROWPLACES_H
