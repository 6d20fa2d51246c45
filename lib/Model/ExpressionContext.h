//===--- ExpressionContext.h - async-lint -----------------------*- C++ -*-===//
//
// What surrounds a variable: whether a body may change it. One answer for
// the walks that ask it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H
#define ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// True when \p Body (lambdas in it included) may change the variable
/// \p VD: assigns it (`=`, a compound assignment, built in or overloaded),
/// increments or decrements it, or takes its address.
bool isAssignedIn(const Stmt *Body, const VarDecl &VD);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H
