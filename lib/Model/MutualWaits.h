//===--- MutualWaits.h - async-lint -----------------------------*- C++ -*-===//
//
// Two coroutines started together that wait for each other: each awaits an
// event of the function that starts them, which only the other sets, and
// only after its own wait. Neither can pass its wait first, so neither ever
// resumes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MUTUALWAITS_H
#define ASYNC_LINT_MODEL_MUTUALWAITS_H

#include "EventWaits.h"
#include "StartedTogether.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::async::model {

class SuspensionFlow;

/// One side of a mutual wait: a started coroutine, its wait for an event
/// and the set of the previous side's event that runs only after that wait.
struct MutualSide {
  const StartedCoroutine *Started;
  const CoroutineSuspendExpr *Wait;
  /// The awaited event: a local of the starting function.
  const VarDecl *Event;
  const CXXMemberCallExpr *SetsOther = nullptr;
  /// How a diagnostic names the side's coroutine and where its start is.
  std::string name() const { return startedName(*Started->Coroutine); }
  SourceLocation start() const { return startLocation(*Started->Call); }
};

/// Two or more coroutines of \p Together, started by \p Caller (whose body
/// is \p Body), that wait for each other in a cycle, as their sides: each
/// side's event is set by the next side (the last's by the first) only
/// after that side's own wait; empty when there is no such cycle.
/// Evidence: each coroutine arrives, on every path of its body, at an await
/// of a different unset local event of \p Caller, having named none of the
/// cycle's events before it; each sets the previous side's event after its
/// wait; \p Caller names the events only in the calls that start the
/// coroutines of the cycle (nothing else in the unit can reach them).
/// \p CFGOf and \p FlowOf give a coroutine's CFG (null when it has none)
/// and suspension points.
std::vector<MutualSide> mutualWait(
    const FunctionDecl &Caller, const Stmt &Body,
    ArrayRef<StartedCoroutine> Together, const EventKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MUTUALWAITS_H
