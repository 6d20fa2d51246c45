//===--- RaceTests.h - async-lint -------------------------------*- C++ -*-===//
//
// What a condition or an assertion states of the outcomes of races: which
// outcomes it checks the completed side of (their index, holds_alternative,
// get_if), and which alternative it shows to have won, when it holds or when
// it fails (`r.index() == 1`, `std::holds_alternative<T>(r)`, through !, &&,
// ||, casts, condition variables and test frameworks' wrappers).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RACETESTS_H
#define ASYNC_LINT_MODEL_RACETESTS_H

#include "RaceOutcomes.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang::tidy::async::model {

/// Which alternative of an outcome is known to have won, and where that was
/// checked.
struct RaceWinner {
  int64_t Index;
  SourceLocation Where;
};
using RaceWinners = llvm::DenseMap<const VarDecl *, RaceWinner>;

/// What an assertion statement states of the outcomes.
struct RaceAssertion {
  RaceOutcomes::VarSet Checked;
  RaceWinners Winners;
};

/// The outcomes of \p Races whose completed side \p Cond checks.
RaceOutcomes::VarSet checkedOutcomes(const RaceOutcomes &Races,
                                     const Stmt *Cond);

/// Adds to \p Out the winners that \p Cond states when it evaluates to
/// \p Holds.
void winnersIn(const RaceOutcomes &Races, const Expr *Cond, bool Holds,
               RaceWinners &Out);

/// True when \p S, a statement of a block, is an assertion: an expansion of
/// a macro that reports the text of its condition (or one of
/// \p AssertionMacros), a call of a function of \p AssertionFunctions, or of
/// a helper that does not return when its condition is false; it checks at
/// least one outcome. Fills \p Out with the checks and winners it states.
bool raceAssertion(const RaceOutcomes &Races, const Stmt &S,
                   llvm::ArrayRef<std::string> AssertionMacros,
                   const NameMatcher &AssertionFunctions, RaceAssertion &Out);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RACETESTS_H
