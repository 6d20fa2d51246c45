//===--- StatementChildren.h - async-lint -----------------------*- C++ -*-===//
//
// Which children of a control statement are statements (its branches, its
// body, a for loop's init and increment) and which are values it consumes
// (conditions); the parts of a statement that runs on a condition.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STATEMENTCHILDREN_H
#define ASYNC_LINT_MODEL_STATEMENTCHILDREN_H

#include "clang/AST/Expr.h"
#include <array>
#include <optional>

namespace clang::tidy::async::model {

/// True when \p Child of the control statement \p Parent runs as a
/// statement (a branch, a body, a for loop's init or increment, a switch's
/// init); false for a condition, whose value \p Parent consumes. Children of
/// other statements are statements.
bool isStatementChild(const Stmt &Parent, const Stmt &Child);

/// The parts of a statement that runs on a condition: an if, a switch, a
/// for, while or do loop, or a conditional operator (`c ? a : b`, `a ?: b`).
struct ConditionParts {
  /// The init statement (if, switch, for); null when there is none.
  const Stmt *Init = nullptr;
  /// The declaration of the condition's variable (if, switch, for, while);
  /// null when there is none.
  const DeclStmt *Variable = nullptr;
  /// The condition; null in `for (;;)`.
  const Expr *Cond = nullptr;
  /// What the condition chooses: the branches of an if (Else null without
  /// one) or of a conditional operator; the body of a loop or a switch,
  /// with a for loop's increment as Else.
  const Stmt *Then = nullptr;
  const Stmt *Else = nullptr;

  /// Init, Variable and Cond: what runs before the choice, in that order
  /// (a do loop's body runs before its condition).
  std::array<const Stmt *, 3> beforeChoice() const {
    return {Init, Variable, Cond};
  }
};

/// The parts of \p S when it runs on a condition; std::nullopt otherwise.
std::optional<ConditionParts> conditionParts(const Stmt &S);

/// The condition of \p S (ConditionParts::Cond); null for a statement that
/// does not run on one, and in `for (;;)`.
const Expr *conditionOf(const Stmt &S);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STATEMENTCHILDREN_H
