//===--- UnhandledRaceOutcomeCheck.h - async-lint ---------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
#define ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H

#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>
#include <vector>

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
  /// Which alternative of an outcome is known to have won, and where that
  /// was checked.
  struct Winner {
    int64_t Index;
    SourceLocation Where;
  };
  using WinnerMap = llvm::DenseMap<const VarDecl *, Winner>;
  /// What holds where the walk is: the outcomes whose completed side was
  /// checked, those assigned a race since (a variable given a race after its
  /// declaration is judged only after that), the ranges raced since, and the
  /// outcomes whose winner is known.
  struct Scope {
    VarSet Guarded;
    VarSet Assigned;
    VarSet Inputs;
    WinnerMap Winners;
  };
  /// What an assertion statement states of the outcomes.
  struct Asserted {
    VarSet Checked;
    WinnerMap Winners;
  };
  /// The race that \p E awaits, if it is a co_await of one; \p Value: \p E
  /// is a value given to a variable, so copies and moves of the awaited
  /// result (an await_resume returning 'T &&') are looked through.
  const CoawaitExpr *raceAwait(const Expr *E, bool Value = false) const;
  /// The outcome whose winner's index \p E reads ('r.index()', 'r.index'),
  /// also through a test framework's decomposing operators.
  const VarDecl *indexRead(const Expr *E) const;
  /// The winners that \p Cond states when it evaluates to \p Holds.
  void winnersIn(const Expr *Cond, bool Holds, WinnerMap &Out) const;
  /// The position of the alternative \p Arg (an index or a type) names in
  /// the outcome \p VD, when it names exactly one.
  std::optional<int64_t> alternativeOf(const VarDecl &VD,
                                       const TemplateArgument &Arg) const;
  /// The alternative the call \p Read (std::get, std::get_if,
  /// std::holds_alternative) names in \p VD.
  std::optional<int64_t> alternativeRead(const CallExpr &Read,
                                         const VarDecl &VD) const;
  /// True when \p S, a statement of a block, is an assertion: an expansion
  /// of a macro that reports the text of its condition (or one listed in
  /// AssertionMacros), a call of a listed AssertionFunctions function, or
  /// of a helper that does not return when its condition is false. Fills
  /// \p Out with the checks and winners it states.
  bool assertion(const Stmt &S, Asserted &Out) const;
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

  // Inputs and members reached other ways (UnhandledRaceOutcomeInputs.cpp).
  /// The outcome whose member \p E names through a structured binding
  /// (`auto [Index, Results] = co_await when_any(tasks);`): its 'index' when
  /// \p Index, another member otherwise.
  const VarDecl *boundOutcome(const Expr *E, bool Index) const;
  /// The element of a range that \p S, a call, hands over whole
  /// (`use(tasks[0])`): not a standard function, a race or a combinator.
  const Expr *handedInput(const Stmt &S) const;

  const model::NameMatcher RaceFunctions;
  /// Macro names (a trailing '*' matches a prefix) taken as assertions.
  const std::vector<std::string> AssertionMacros;
  const model::NameMatcher AssertionFunctions;
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
