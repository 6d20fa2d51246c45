//===--- ExpressionContext.h - async-lint -----------------------*- C++ -*-===//
//
// What surrounds an expression or a variable: the expression that holds an
// expression once its wrappers are passed, and whether a body may change a
// variable. One answer for the walks that ask it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H
#define ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// The expression that holds \p E, and the child of it that holds \p E
/// (\p E itself, or its outermost wrapper).
struct Holder {
  const Expr *Parent = nullptr;
  const Expr *Child = nullptr;
};

/// The first expression above \p E that is not a wrapper of it (one that
/// Wrappers::Object takes off: parentheses, casts, temporaries, copies,
/// std::move), going at most \p MaxUp parents up, each the only parent of
/// the one below. With \p ThroughCalls false, a call is a holder even when
/// it passes \p E through (std::move(e)). Nulls when a parent is not an
/// expression, or not the only one, or none is found that far up.
Holder holderOf(const Expr &E, ASTContext &Ctx, unsigned MaxUp,
                bool ThroughCalls = true);

/// True when \p Body (lambdas in it included) may change the variable
/// \p VD: assigns it (`=`, a compound assignment, built in or overloaded),
/// increments or decrements it, or takes its address.
bool isAssignedIn(const Stmt *Body, const VarDecl &VD);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXPRESSIONCONTEXT_H
