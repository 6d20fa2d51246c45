//===--- Queries.h - async-lint ---------------------------------*- C++ -*-===//
//
// --explain, --list-checks and --dump-config: questions about the checks and
// the configuration, answered before any input is read; and where async-lint's
// plugins are, answered before the configuration is read.
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

/// Answers --print-plugin-path and --print-compiler-plugin-path; its exit
/// status, or std::nullopt when neither is asked.
std::optional<int> answerLayoutQuery(const CommandLine &CL);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_QUERIES_H
