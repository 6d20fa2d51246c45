//===--- Finish.h - async-lint ----------------------------------*- C++ -*-===//
//
// The last stage, one for every run however its units were analysed: each
// diagnostic once, with the number of units that reported it; only the
// findings that the inputs, --diff and --baseline let through; then
// --write-baseline, or the report (text, or --format to --output) with
// --export-fixes and --fix; the summary; and the exit status (Driver.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_FINISH_H
#define ASYNC_LINT_DRIVER_FINISH_H

#include "Analysis.h"
#include "Baseline.h"
#include "DiffFilter.h"
#include <optional>

namespace async_lint {

/// What a run's findings are filtered by, read before any unit runs (a bad
/// baseline or diff is a usage error, not a wasted run).
struct Filters {
  /// --diff: the changed lines; std::nullopt without it.
  std::optional<ChangedLines> Changed;
  /// --baseline: the accepted findings; std::nullopt without it.
  std::optional<Baseline> Accepted;
};

/// Reads --baseline and --diff; fails with a one-line message.
llvm::Expected<Filters> loadFilters(const CommandLine &CL);

/// Ends the run with \p Result (no units at all when nothing was to be
/// analysed); returns the exit status.
int finish(const CommandLine &CL, const Configuration &Config, const Inputs &In,
           Filters &Filter, const RunResult &Result);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_FINISH_H
