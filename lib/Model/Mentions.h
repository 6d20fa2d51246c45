//===--- Mentions.h - async-lint --------------------------------*- C++ -*-===//
//
// Whether a statement names a declaration among the statements that run
// with it (forEachOwnStmt's: not inside nested lambda bodies, not in
// unevaluated operands), asked by several models of one variable at a time.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MENTIONS_H
#define ASYNC_LINT_MODEL_MENTIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// True when an own statement of \p S (forEachOwnStmt) names \p D; false
/// for a null \p S.
bool namesInOwnStmts(const Stmt *S, const ValueDecl &D);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MENTIONS_H
