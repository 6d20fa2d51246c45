//===--- Driver.h - async-lint ----------------------------------*- C++ -*-===//
//
// The standalone `async-lint` command. Its exit status:
//   0  no findings
//   1  findings
//   2  bad usage or input (missing file, bad compile database, unknown check)
//   3  some translation unit could not be analysed (compiler errors)
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_DRIVER_H
#define ASYNC_LINT_DRIVER_DRIVER_H

#include "llvm/ADT/Twine.h"

namespace async_lint {

enum ExitCode : int {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitAnalysisFailed = 3,
};

/// Runs the driver on a command line (argv[0] included).
int runDriver(int Argc, const char **Argv);

/// Prints `async-lint: error: <Message>` on stderr; returns ExitUsage.
int usageError(const llvm::Twine &Message);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_DRIVER_H
