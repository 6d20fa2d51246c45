//===--- UnhandledRaceOutcomeCheck.h - async-lint ---------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
#define ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H

#include "../Model/NameMatcher.h"
#include "../Model/RaceOutcomeWalk.h"
#include "AsyncCheck.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Finds race results read as one alternative without checking which side
/// completed.
///
/// The facts are the model's: which variables hold race outcomes
/// (RaceOutcomes), what conditions and assertions state of them (RaceTests),
/// and what holds at each statement (RaceOutcomeWalk).
class UnhandledRaceOutcomeCheck : public AsyncCheck {
public:
  UnhandledRaceOutcomeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// A read of one alternative of an outcome (std::get, *std::get_if) whose
  /// completed side was not checked, or that is not the winner checked.
  void checkRead(const model::RaceOutcomes &Races, const Stmt &S,
                 const model::RaceScope &In);
  /// A read of one input of a race by its position: an element of a member
  /// of an outcome (r.results[0]), or of a range raced (tasks[0]) that is
  /// awaited or whose result is taken.
  void checkPositionalRead(const model::RaceOutcomes &Races, const Stmt &S,
                           const model::RaceScope &In);
  /// Races awaited as whole statements, their outcome dropped.
  void checkDiscarded(const model::RaceOutcomes &Races, const Stmt &S,
                      CheckedFunction &F);
  /// True when no code can read the outcome of \p Race, a statement of \p F:
  /// a throw assertion evaluates it for its exception, or nothing of the
  /// coroutine runs after it.
  bool outcomeUnread(const Stmt &Race, CheckedFunction &F);
  /// True when code of \p F tests, after \p Race, a variable a side of
  /// its race \p Await writes its completion into (RedirectingTokens).
  bool outcomeReadFromSides(const CoawaitExpr &Await, const Stmt &Race,
                            CheckedFunction &F);

  const model::NameMatcher RaceFunctions;
  /// Macro names (a trailing '*' matches a prefix) taken as assertions.
  const std::vector<std::string> AssertionMacros;
  const model::NameMatcher AssertionFunctions;
  /// What a throw assertion calls when its statement does not throw.
  const model::NameMatcher ThrowAssertionReports;
  const model::NameMatcher RedirectingTokens;
  /// The statements of the function judged that throw assertions evaluate,
  /// found when a discarded race first asks.
  std::optional<llvm::SmallPtrSet<const Stmt *, 4>> ThrowAsserted;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
