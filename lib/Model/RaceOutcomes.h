//===--- RaceOutcomes.h - async-lint ----------------------------*- C++ -*-===//
//
// The outcomes of races in one coroutine: the variables given the result of
// an awaited race (when_any, cobalt::race, asio's `a || b`), when they got it
// (at their declaration or by a later assignment), the ranges each race took
// whole, and the ways the code reads an outcome: its winner's index (by name,
// through a structured binding, through a test framework's decomposer), the
// alternative a std::get or std::get_if names, an input handed whole to a
// function. Read from the coroutine's own statements.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RACEOUTCOMES_H
#define ASYNC_LINT_MODEL_RACEOUTCOMES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>

namespace clang::tidy::async::model {

class NameMatcher;

/// The variable \p E names (through '&' and std::move).
const VarDecl *raceVarOf(const Expr *E);

/// True when \p Call calls the function \p Name of namespace std.
bool callsStdFunction(const CallExpr &Call, StringRef Name);

/// The element whose result \p E takes: the operand of a co_await, or the
/// object of get(), value() or result().
const Expr *usedResult(const Expr *E);

/// How the winner's index of \p Outcome is read: a member 'index' or a
/// member function 'index()'; empty when it has neither (libcoro's
/// when_any yields the winner's value alone).
std::string indexSpelling(const VarDecl &Outcome);

/// The race outcomes of one coroutine, collected statement by statement.
class RaceOutcomes {
public:
  using VarSet = llvm::SmallPtrSet<const VarDecl *, 4>;

  /// \p RaceFunctions: the races; \p Combinators: the functions that join
  /// tasks (an input handed to one is not taken as the winner).
  RaceOutcomes(const NameMatcher &RaceFunctions, const NameMatcher &Combinators,
               const ASTContext &Ctx)
      : RaceFunctions(RaceFunctions), Combinators(Combinators), Ctx(Ctx) {}

  /// The race that \p E awaits, if it is a co_await of one; \p Value: \p E
  /// is a value given to a variable, so copies and moves of the awaited
  /// result (an await_resume returning 'T &&') are looked through.
  const CoawaitExpr *raceAwait(const Expr *E, bool Value = false) const;
  /// Records the outcome that \p S gives a race (its declaration or a later
  /// assignment) and the ranges it races; also the variables given anything
  /// else.
  void collect(const Stmt &S);
  /// The outcomes \p S (a statement of a block) makes anew, and the ranges
  /// it races.
  void startsRaces(const Stmt *S, VarSet &Made, VarSet &Inputs) const;

  bool empty() const { return Outcomes.empty(); }
  bool isOutcome(const VarDecl *VD) const { return Outcomes.count(VD); }
  /// The race whose outcome \p VD holds; null when it holds none.
  const CoawaitExpr *raceOf(const VarDecl *VD) const {
    return Outcomes.lookup(VD);
  }
  /// The outcome of the race that took the range \p Range whole.
  const VarDecl *outcomeOfRange(const VarDecl *Range) const {
    return RacedRanges.lookup(Range);
  }
  /// True when \p VD is judged only after a race is assigned to it (it got
  /// its race after its declaration).
  bool givenLate(const VarDecl *VD) const { return LateOutcomes.contains(VD); }
  /// True when \p VD is also assigned something other than a race.
  bool hasOtherValues(const VarDecl *VD) const {
    return OtherValues.contains(VD);
  }

  /// The outcome whose member \p E names through a structured binding
  /// (`auto [Index, Results] = co_await when_any(tasks);`): its 'index' when
  /// \p Index, another member otherwise.
  const VarDecl *boundOutcome(const Expr *E, bool Index) const;
  /// The element of a range that \p S, a call, hands over whole
  /// (`use(tasks[0])`): not a standard function, a race or a combinator.
  const Expr *handedInput(const Stmt &S) const;
  /// The outcome whose winner's index \p E reads ('r.index()', 'r.index'),
  /// also through a test framework's decomposing operators.
  const VarDecl *indexRead(const Expr *E) const;
  /// The alternative the call \p Read (std::get, std::get_if,
  /// std::holds_alternative) names in \p VD.
  std::optional<int64_t> alternativeRead(const CallExpr &Read,
                                         const VarDecl &VD) const;

  const ASTContext &context() const { return Ctx; }

private:
  const NameMatcher &RaceFunctions;
  const NameMatcher &Combinators;
  const ASTContext &Ctx;
  llvm::DenseMap<const VarDecl *, const CoawaitExpr *> Outcomes;
  /// The ranges raced, with the outcome of their race.
  llvm::DenseMap<const VarDecl *, const VarDecl *> RacedRanges;
  /// Outcomes given their race after their declaration.
  VarSet LateOutcomes;
  /// Variables also assigned something other than a race: not judged.
  VarSet OtherValues;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RACEOUTCOMES_H
