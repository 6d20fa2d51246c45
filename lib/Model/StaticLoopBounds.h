//===--- StaticLoopBounds.h - async-lint ------------------------*- C++ -*-===//
//
// Whether a loop runs a number of times fixed before it starts: a range-based
// for over a range whose size its type or its making fixes, or a counting for
// loop against a constant, main's argc, or a bound the loop does not change.
// Read from the loop's own statements; a parameter is taken as input that
// grows with the load, except the size a pool is made with.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STATICLOOPBOUNDS_H
#define ASYNC_LINT_MODEL_STATICLOOPBOUNDS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// The body of \p Loop, a for, while, do or range-based for statement; null
/// for anything else.
const Stmt *loopBody(const Stmt &Loop);

/// True when the range \p Range has a size fixed by its type (an array, a
/// std::array, an initializer list) or is made from constants and globals
/// (`iota(0, 4)`, `irange(0, smp::count)`).
bool fixedSizeRange(const Expr *Range, ASTContext &Ctx);

/// True when \p Body neither writes the variable \p V (an assignment, an
/// increment or decrement, a non-const member call on it) nor takes its
/// address.
bool leftAlone(const Stmt *Body, const VarDecl &V);

/// True when \p E is a count the code bounds: an integer constant, or
/// std::min of one (`std::min(8U, std::thread::hardware_concurrency())`).
bool boundedCount(const Expr *E, ASTContext &Ctx);

/// True when \p Loop runs a number of times fixed before it starts: a
/// range-based for over a fixed-size range (fixedSizeRange), or a counting
/// for loop against a constant, main's argc, a range of fixed extent, or a
/// bound that the loop does not change and that reads no parameter (tested
/// with a relational operator, or with != when the counter steps by one and
/// the body leaves it alone). The
/// parameters of \p Sizing, when given, count as fixed.
bool staticallyBounded(const Stmt &Loop, ASTContext &Ctx,
                       const FunctionDecl *Sizing = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STATICLOOPBOUNDS_H
