//===--- Workers.h - async-lint ---------------------------------*- C++ -*-===//
//
// Worker processes: each translation unit is analysed by a worker (this same
// program), so that units run on every core and a crash in one unit loses
// only that unit's results.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_WORKERS_H
#define ASYNC_LINT_DRIVER_WORKERS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace async_lint {

/// How workers are started: `Program Args... --worker-output=<tmp> <file>
/// Tail...`.
struct WorkerCommand {
  std::string Program;
  std::vector<std::string> Args;
  std::vector<std::string> Tail;
};

struct WorkerResult {
  std::string File;
  int ExitCode = 0;
  bool Crashed = false;
  /// What the worker printed: its standard output, then its standard error.
  std::string Log;
  /// What the worker wrote to --worker-output (a UnitResult as JSON).
  std::string Output;
  /// How long the worker ran, in seconds.
  double Seconds = 0;
};

/// Runs \p Command for each of \p Files, at most \p Jobs at a time, started
/// in the order of \p Files; results are in that order too, whatever the
/// order the workers finish in.
/// With \p Progress, prints `[k/n] file` lines on stderr as units finish.
std::vector<WorkerResult> runWorkers(const WorkerCommand &Command,
                                     llvm::ArrayRef<std::string> Files,
                                     unsigned Jobs, bool Progress);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_WORKERS_H
