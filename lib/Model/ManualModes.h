//===--- ManualModes.h - async-lint -----------------------------*- C++ -*-===//
//
// Some contexts need their owner to run them only in a mode their options
// select. libcoro's scheduler::make_unique(options) makes a scheduler that
// runs its own event thread and thread pool by default; only with
// thread_strategy_t::manual and execution_strategy_t::process_tasks_inline
// does the work spawned on it wait for the owner's process_events(). This
// file reads that mode out of the options argument of the maker call, as
// written at the call: anything it cannot read for certain is not that mode.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MANUALMODES_H
#define ASYNC_LINT_MODEL_MANUALMODES_H

#include "NameMatcher.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// True when \p Call is given an options object written in place (a braced
/// list, or a braced functional cast to the options type) whose every field
/// of an enumeration type with an enumerator that \p ManualModes names holds
/// one of the named enumerators, and there is at least one such field. A
/// field left out counts with its default member initialiser; options that
/// are a variable, a call's result or a default argument do not count.
bool selectsManualMode(const CallExpr &Call, const NameMatcher &ManualModes);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MANUALMODES_H
