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
#include <optional>

namespace clang::tidy::async::model {

class SuspensionFlow;

/// One side of a mutual wait: a started coroutine, its wait for an event
/// and the set of the other side's event that runs only after that wait.
struct MutualSide {
  const StartedCoroutine *Started;
  const CoroutineSuspendExpr *Wait;
  /// The awaited event: a local of the starting function.
  const VarDecl *Event;
  const CXXMemberCallExpr *SetsOther = nullptr;
};

/// Two coroutines of \p Together, started by \p Caller (whose body is
/// \p Body), that wait for each other; none when there is no such pair.
/// Evidence: each coroutine arrives, on every path of its body, at an await
/// of a different unset local event of \p Caller, having named neither
/// event before it; each sets the other's event after its wait; \p Caller
/// names the two events only in the calls that start the two coroutines
/// (nothing else in the unit can reach them). \p CFGOf and \p FlowOf give a
/// coroutine's CFG (null when it has none) and suspension points.
std::optional<std::pair<MutualSide, MutualSide>> mutualWait(
    const FunctionDecl &Caller, const Stmt &Body,
    ArrayRef<StartedCoroutine> Together, const EventKnowledge &Know,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MUTUALWAITS_H
