//===--- Workers.h - async-lint ----------------------------------*- C++
//-*-===//
//
// Parallel runs: each translation unit is analysed by a worker process (this
// same program), so that units run on every core and a crash in one unit
// loses only that unit's results.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_WORKERS_H
#define ASYNC_LINT_DRIVER_WORKERS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace async_lint {

struct WorkerResult {
  std::string File;
  int ExitCode = 0;
  bool Crashed = false;
  std::string Stdout, Stderr;
  /// The worker's findings, as JSON with absolute paths.
  std::string Json;
  /// The files the worker read, one a line.
  std::string Dependencies;
};

/// Runs `Program Args... --worker-json=<tmp> --worker-deps=<tmp> <file>
/// Tail...` for each file,
/// at most
/// \p Jobs at a time; results are in the order of \p Files, whatever the
/// order the workers finish in. With \p Progress, prints `[k/n] file` lines
/// on stderr as units finish.
std::vector<WorkerResult> runWorkers(llvm::StringRef Program,
                                     llvm::ArrayRef<std::string> Args,
                                     llvm::ArrayRef<std::string> Files,
                                     llvm::ArrayRef<std::string> Tail,
                                     unsigned Jobs, bool Progress);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_WORKERS_H
