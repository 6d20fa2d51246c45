//===--- RaceOutcomeWalk.h - async-lint -------------------------*- C++ -*-===//
//
// What holds of the race outcomes at each statement of a coroutine: which
// were checked for their completed side (inside an if, switch, ?: or && on
// the check; after an if whose other side leaves; after an assertion), which
// winner is known there, which outcomes were given their race by then, and
// which ranges were raced. A walk of the body in source order, by scope;
// each statement is given to the caller with what holds there.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RACEOUTCOMEWALK_H
#define ASYNC_LINT_MODEL_RACEOUTCOMEWALK_H

#include "RaceTests.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// What holds where the walk is: the outcomes whose completed side was
/// checked, those assigned a race since (a variable given a race after its
/// declaration is judged only after that), the ranges raced since, and the
/// outcomes whose winner is known.
struct RaceScope {
  RaceOutcomes::VarSet Guarded;
  RaceOutcomes::VarSet Assigned;
  RaceOutcomes::VarSet Inputs;
  RaceWinners Winners;
};

/// \p VD when it is an outcome of \p Races to judge in \p In: not checked
/// there, given its race before, and given nothing else; null otherwise.
const VarDecl *judgedOutcome(const RaceOutcomes &Races, const VarDecl *VD,
                             const RaceScope &In);

/// Walks \p Body, calling \p Read for each statement that may read an
/// outcome (not the conditions' structure, nor lambdas) with what holds
/// there. Assertions are recognised by \p AssertionMacros and
/// \p AssertionFunctions (raceAssertion).
void walkRaceOutcomes(
    const Stmt *Body, const RaceOutcomes &Races,
    llvm::ArrayRef<std::string> AssertionMacros,
    const NameMatcher &AssertionFunctions,
    llvm::function_ref<void(const Stmt &, const RaceScope &)> Read);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RACEOUTCOMEWALK_H
