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
  /// The race that \p E awaits, if it is a co_await of one.
  const CoawaitExpr *raceAwait(const Expr *E) const;
  /// The outcomes whose completed side \p Cond checks.
  VarSet checkedIn(const Stmt *Cond) const;
  void walk(const Stmt *S, VarSet Guarded);
  void checkRead(const Stmt &S, const VarSet &Guarded);

  const model::NameMatcher RaceFunctions;
  llvm::DenseMap<const VarDecl *, const CoawaitExpr *> Outcomes;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
