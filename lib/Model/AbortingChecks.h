//===--- AbortingChecks.h - async-lint --------------------------*- C++ -*-===//
//
// Checks that end the process when they fail: an if or ?: one of whose
// branches calls a function that does not return (abort, a failed assert,
// a test's own ASSERT macro that aborts). Every run that goes on past such
// a check has its condition true; a run where it is false ends there,
// without unwinding the function's locals. A check that throws or returns
// instead (GoogleTest's ASSERT_*) is not one: the locals die on the way out.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ABORTINGCHECKS_H
#define ASYNC_LINT_MODEL_ABORTINGCHECKS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

/// The condition of \p S when \p S is an aborting check; \p Holds is the
/// condition's value on every run that goes on past it. Null otherwise.
const Expr *abortingCheck(const Stmt &S, bool &Holds);

/// What a condition reads of a local: its value (an atomic's load too), or
/// the size of a standard container (`v.size()`).
enum class Measure { Value, Size };

/// The value of the condition \p E while every local variable it names
/// still has the constant value it was initialised with (an atomic read
/// through a const member counts as its initial value, a growable standard
/// container made empty has size 0, a read-only local copied from such a
/// read has the value it copies); nullopt when that cannot be told.
std::optional<bool> valueAtInitialisers(const Expr &E, const ASTContext &Ctx);

/// The value of \p E as valueAtInitialisers reads it, but with the local
/// \p Var's measure \p M being \p Value (a read of another measure of it
/// cannot be told).
std::optional<bool> valueWith(const Expr &E, const ASTContext &Ctx,
                              const VarDecl &Var, int64_t Value,
                              Measure M = Measure::Value);

/// The constant measure \p M the local \p Var is initialised with, as
/// valueAtInitialisers reads it; nullopt when there is none.
std::optional<int64_t> initialValue(const VarDecl &Var, const ASTContext &Ctx,
                                    Measure M = Measure::Value);

/// The condition of \p S when it is an aborting check that can pass only
/// once a local it reads has changed since its initialiser (the condition
/// is false at the initialisers): a run that goes on has seen the change.
const Expr *checkOfChange(const Stmt &S, const ASTContext &Ctx);

/// True when \p Body names \p Var only within the lambda of class
/// \p Closure (null: none), within \p Start, in the conditions of aborting
/// checks, in reads of its value (a const member call on it included) and
/// in the captures of other lambdas (whose bodies are looked at): nothing
/// else can change it.
bool namedOnlyBy(const Stmt &Body, const VarDecl &Var,
                 const CXXRecordDecl *Closure, const Stmt &Start);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ABORTINGCHECKS_H
