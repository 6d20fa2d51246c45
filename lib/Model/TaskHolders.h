//===--- TaskHolders.h - async-lint -----------------------------*- C++ -*-===//
//
// Objects that hold a task (issue #24): a construction whose constructor,
// defined in the unit, initialises a member of the object from its task
// parameter (`explicit holder(task<> t) : t_(std::move(t)) {}`). The object
// then carries the task: where the object goes (returned, stored, dropped),
// the task goes, as for a copy or a move of the task itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TASKHOLDERS_H
#define ASYNC_LINT_MODEL_TASKHOLDERS_H

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// True when the object \p E constructs holds its argument \p I: a copy or
/// a move, or a constructor (defined in the unit) that keeps its by-value
/// task parameter \p I in a member (a member initialiser, or an assignment
/// of a member of '*this' in its body).
bool constructionKeeps(const CXXConstructExpr &E, unsigned I);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TASKHOLDERS_H
