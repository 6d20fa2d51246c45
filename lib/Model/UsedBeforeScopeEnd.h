//===--- UsedBeforeScopeEnd.h - async-lint ----------------------*- C++ -*-===//
//
// Whether a local is used in one of a given set of ways on every path from a
// point of its function to the end of its scope: the question "is the
// context this work was handed to run before it dies?" (async-work-never-run),
// asked on the function's CFG as the analysis session builds it (with the
// ends of local lifetimes). A path that stops inside the function without
// returning (throw, a noreturn call) is not followed, as in Clang's CFG.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_USEDBEFORESCOPEEND_H
#define ASYNC_LINT_MODEL_USEDBEFORESCOPEEND_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// What the paths from one point to the end of a local's scope do.
struct ScopeEndPaths {
  /// The point was found in the CFG; nothing else is meaningful otherwise.
  bool Known = false;
  /// Where the scope ends on a path with no use (the statement that leaves
  /// the scope, such as an early return, or the closing brace), in source
  /// order, each once.
  llvm::SmallVector<SourceLocation, 2> Unused;
  /// The uses met on the other paths, in source order, each once.
  llvm::SmallVector<const Stmt *, 2> Uses;

  bool usedOnEveryPath() const { return Known && Unused.empty(); }
};

/// The paths of \p Graph (a function's CFG, with lifetime ends) from just
/// after \p From (a statement that is an element of it) to the ends of the
/// scope of the local \p Var, each stopping at the first statement that
/// \p IsUse accepts.
ScopeEndPaths pathsToScopeEnd(const CFG &Graph, const VarDecl &Var,
                              const Stmt *From,
                              llvm::function_ref<bool(const Stmt &)> IsUse);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_USEDBEFORESCOPEEND_H
