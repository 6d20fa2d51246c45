//===--- WorkNeverRunCheck.h - async-lint -----------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_WORKNEVERRUNCHECK_H
#define ASYNC_LINT_CHECKS_WORKNEVERRUNCHECK_H

#include "../Model/ContextParameters.h"
#include "../Model/ContextUses.h"
#include "../Model/EarlyRunners.h"
#include "../Model/NameMatcher.h"
#include "../Model/UsedBeforeScopeEnd.h"
#include "AsyncCheck.h"
#include <array>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Finds work handed to a local execution context that is destroyed without
/// being run.
class WorkNeverRunCheck : public AsyncCheck {
public:
  WorkNeverRunCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override {
    Leaves.startUnit(Facts.session().summaryIndexes());
  }
  void endTranslationUnit() override { Leaves.endUnit(); }

private:
  /// The libraries whose presets are used, checked against the known ones.
  std::vector<std::string> readLibraries();
  /// Each list: the presets of the chosen libraries and the option's own
  /// entries.
  model::ContextKnowledge readKnowledge();
  void report(const model::ContextUses &Uses, const Expr &HandOff,
              const model::ScopeEndPaths &Paths);
  /// A context whose only runner is a thread started before it had work.
  void reportEarlyRun(const model::ContextUses &U, const model::EarlyRunner &R);

  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
  const std::vector<std::string> Libraries;
  /// The entries each list option adds to the presets, as configured.
  std::array<std::string, model::NumContextLists> Extra;
  const model::ContextKnowledge Knowledge;
  /// The entries OutOfWorkRuns and ThreadTypes add to their presets.
  const std::string ExtraOutOfWorkRuns;
  const std::string ExtraThreadTypes;
  const model::RunnerKnowledge Runners;
  /// The `leaves` facts of summaries (SummaryOutput, SummaryDirectory).
  model::ContextLeaves Leaves;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_WORKNEVERRUNCHECK_H
