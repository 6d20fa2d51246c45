//===--- Analysis.h - async-lint --------------------------------*- C++ -*-===//
//
// The fourth stage: clang-tidy runs the checks on each unit, in this process
// or in worker processes (with the result cache). Either way the result is
// a RunResult: each unit's diagnostics, unfiltered, in the order of the
// units. Filtering and reporting are the finish's (Finish.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_ANALYSIS_H
#define ASYNC_LINT_DRIVER_ANALYSIS_H

#include "CommandLine.h"
#include "Configuration.h"
#include "Inputs.h"
#include "UnitResult.h"
#include <chrono>

namespace async_lint {

struct RunResult {
  /// One per unit, in the order of Inputs::Units.
  std::vector<UnitResult> Units;
  /// When the analysis started: --fix leaves files changed since alone.
  std::chrono::system_clock::time_point Started =
      std::chrono::system_clock::now();
  /// The analysis' wall-clock time, for the summary.
  double Seconds = 0;
};

/// True when the units are to be analysed by worker processes: with more
/// than one job and unit, or with the result cache. Fixes and headers named
/// on the command line are analysed in this process, afresh.
bool runsInWorkers(const CommandLine &CL, const Inputs &In);

/// Analyses the units in this process, one after the other.
RunResult analyseInProcess(const CommandLine &CL, const Configuration &Config,
                           const Inputs &In);

/// Analyses the units in worker processes, -j at a time, replaying the
/// cached results of unchanged units. A worker that crashes or loses its
/// results makes its unit failed; the others' results are complete.
RunResult analyseInWorkers(const CommandLine &CL, const Configuration &Config,
                           const Inputs &In);

/// A worker's last stage: hands its unit's result to the parent, through
/// the file --worker-output names. Exit status 0 when it did.
int handOver(const CommandLine &CL, const RunResult &Result);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_ANALYSIS_H
