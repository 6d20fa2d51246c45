//===--- StatementChildren.h - async-lint -----------------------*- C++ -*-===//
//
// Which children of a control statement are statements (its branches, its
// body, a for loop's init and increment) and which are values it consumes
// (conditions).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STATEMENTCHILDREN_H
#define ASYNC_LINT_MODEL_STATEMENTCHILDREN_H

#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// True when \p Child of the control statement \p Parent runs as a
/// statement (a branch, a body, a for loop's init or increment, a switch's
/// init); false for a condition, whose value \p Parent consumes. Children of
/// other statements are statements.
bool isStatementChild(const Stmt &Parent, const Stmt &Child);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STATEMENTCHILDREN_H
