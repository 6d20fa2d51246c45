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
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// True when an own statement of \p S (forEachOwnStmt) names \p D; false
/// for a null \p S.
bool namesInOwnStmts(const Stmt *S, const ValueDecl &D);

/// Calls \p Fn for every statement within \p S (itself included), lambda
/// bodies too, and the lambdas' capture initialisers when \p CaptureInits
/// (a handle captured by a lambda given to a thread is handed to it).
void forEachWithin(const Stmt *S, bool CaptureInits,
                   llvm::function_ref<void(const Stmt &)> Fn);

/// True when a statement within \p S (forEachWithin, capture initialisers
/// too) names \p D.
bool namesWithin(const Stmt *S, const ValueDecl &D);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MENTIONS_H
