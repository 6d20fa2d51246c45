//===--- ConstantConditions.h - async-lint ----------------------*- C++ -*-===//
//
// Conditions that are always true although Clang does not fold them: an
// object converted to bool by an operator whose body only returns true (a
// test framework's assertion wraps its statement in `if (always_true_object)
// { ... } else ...`, so the statement runs on every path).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONSTANTCONDITIONS_H
#define ASYNC_LINT_MODEL_CONSTANTCONDITIONS_H

#include "NameMatcher.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// True when \p Cond is always true: a conversion to bool of an object whose
/// conversion operator's visible body is `return true;`, or a call of a
/// function in \p AlwaysTrue (the AlwaysTrueFunctions list: functions whose
/// body is not in the unit and that are documented to return true, as
/// GoogleTest's testing::internal::AlwaysTrue()).
bool alwaysTrueCondition(const Expr *Cond, const NameMatcher &AlwaysTrue);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONSTANTCONDITIONS_H
