//===--- UnhandledRaceOutcomeCheck.h - async-lint ---------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
#define ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

/// Finds race results read as one alternative without checking which side
/// completed.
class UnhandledRaceOutcomeCheck : public AsyncCheck {
public:
  UnhandledRaceOutcomeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  using VarSet = llvm::SmallPtrSet<const VarDecl *, 4>;
  /// What holds where the walk is: the outcomes whose completed side was
  /// checked, those assigned a race since (a variable given a race after its
  /// declaration is judged only after that), and the ranges raced since.
  struct Scope {
    VarSet Guarded;
    VarSet Assigned;
    VarSet Inputs;
  };
  /// The race that \p E awaits, if it is a co_await of one.
  const CoawaitExpr *raceAwait(const Expr *E) const;
  /// Records the outcome \p VD that \p S gives a race (its declaration or
  /// a later assignment) and the ranges it races; also the variables given
  /// anything else.
  void collectOutcome(const Stmt &S);
  /// The outcomes whose completed side \p Cond checks.
  VarSet checkedIn(const Stmt *Cond) const;
  /// The outcomes \p S (a statement of a block) makes anew, and the ranges
  /// it races.
  void startsRaces(const Stmt *S, VarSet &Made, VarSet &Inputs) const;
  void walk(const Stmt *S, Scope In);
  void walkBlock(const CompoundStmt &Block, Scope Running);
  /// \p VD when it is an outcome judged in \p In: not checked there, and
  /// given its race before.
  const VarDecl *judgedOutcome(const VarDecl *VD, const Scope &In) const;
  void checkRead(const Stmt &S, const Scope &In);
  /// A read of one input of a race by its position: an element of a member
  /// of an outcome (r.results[0]), or of a range raced (tasks[0]) that is
  /// awaited or whose result is taken.
  void checkPositionalRead(const Stmt &S, const Scope &In);

  const model::NameMatcher RaceFunctions;
  llvm::DenseMap<const VarDecl *, const CoawaitExpr *> Outcomes;
  /// The ranges raced, with the outcome of their race.
  llvm::DenseMap<const VarDecl *, const VarDecl *> RacedRanges;
  /// Outcomes given their race after their declaration.
  VarSet LateOutcomes;
  /// Variables also assigned something other than a race: not judged.
  VarSet OtherValues;
  const ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
