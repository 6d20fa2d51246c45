//===--- StatementPath.h - async-lint ---------------------------*- C++ -*-===//
//
// The chain of statements from a function's body down to one of its
// statements: what encloses it (the blocks, loops and branches a rule walks
// out through), without a parent map.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STATEMENTPATH_H
#define ASYNC_LINT_MODEL_STATEMENTPATH_H

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

/// Appends to \p Path the statements from \p Root down to \p Target (both
/// included) and returns true; false, with \p Path as it was, when
/// \p Target is not within \p Root. Lambda bodies are not entered.
inline bool pathTo(const Stmt *Root, const Stmt *Target,
                   llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!Root)
    return false;
  Path.push_back(Root);
  if (Root == Target)
    return true;
  if (!isa<LambdaExpr>(Root))
    for (const Stmt *Child : Root->children())
      if (pathTo(Child, Target, Path))
        return true;
  Path.pop_back();
  return false;
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STATEMENTPATH_H
