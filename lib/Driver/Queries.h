//===--- Queries.h - async-lint ---------------------------------*- C++ -*-===//
//
// --explain, --list-checks and --dump-config: questions about the checks and
// the configuration, answered before any input is read.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_QUERIES_H
#define ASYNC_LINT_DRIVER_QUERIES_H

#include "CommandLine.h"
#include "Configuration.h"
#include <optional>

namespace async_lint {

/// Answers the question the command line asks, on standard output; its exit
/// status, or std::nullopt when it asks none (the run goes on).
std::optional<int> answerQuery(const CommandLine &CL,
                               const Configuration &Config);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_QUERIES_H
