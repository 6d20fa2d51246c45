//===--- Inputs.h - async-lint ----------------------------------*- C++ -*-===//
//
// The third stage: what a run analyses. Paths on the command line (or, with
// --diff and none, the changed files) become translation units: a file is
// one, a directory stands for the units of its compile database below it, a
// header for a unit that includes it. Each unit's compile command and
// .clang-tidy files are checked here, before anything is analysed; then
// --shard keeps its share.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_INPUTS_H
#define ASYNC_LINT_DRIVER_INPUTS_H

#include "CommandLine.h"
#include "CompilationDatabases.h"
#include "Configuration.h"
#include "DiffFilter.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>

namespace async_lint {

struct Inputs {
  /// The translation units to analyse, absolute, in the order given; with
  /// --shard, this shard's only.
  std::vector<std::string> Units;
  /// Each unit's compile command.
  std::unique_ptr<PerFileCompilations> Compilations;
  /// The files named on the command line (absolute), and whether a header is
  /// among them: then only these files' findings are reported.
  llvm::StringSet<> Requested;
  bool HeadersRequested = false;
  /// --summaries' second pass: per unit, a digest of the summary records of
  /// the keys it asked for, for its cache key (SummaryFlow.h).
  llvm::StringMap<std::string> SummaryDigests;

  /// With headers requested, a header filter that shows their findings.
  std::string headerRegex() const;
};

/// Resolves the command line's paths (\p Changed's files when there are none)
/// into units, and checks their compile commands and .clang-tidy files. Fails
/// with a one-line message on a missing file or a bad database or
/// configuration; may find no unit at all.
llvm::Expected<Inputs>
resolveInputs(const CommandLine &CL, Configuration &Config,
              const std::optional<ChangedLines> &Changed);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_INPUTS_H
