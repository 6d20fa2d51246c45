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

/// True when \p Cond is always false: a constant false, or a call of a
/// function in \p AlwaysFalse (the AlwaysFalseFunctions list: Boost.Test's
/// tt_detail::dummy_cond()) or of one whose visible body is only `return
/// false;`.
bool alwaysFalseCondition(const Expr *Cond, const NameMatcher &AlwaysFalse,
                          const ASTContext &Ctx);

/// True when \p Loop never runs its body a second time: a do-while whose
/// condition is always false (alwaysFalseCondition; a test framework's
/// `do { S; } while (dummy_cond())` runs S once), or a while or for loop
/// whose condition is (its body never runs).
bool neverRepeats(const Stmt &Loop, const NameMatcher &AlwaysFalse,
                  const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONSTANTCONDITIONS_H
