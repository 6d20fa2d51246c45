//===--- Configuration.h - async-lint ---------------------------*- C++ -*-===//
//
// The second stage: where clang-tidy's options come from. The defaults run
// async-* checks; .clang-tidy files are read as clang-tidy reads them, except
// that their Checks can only switch async-* checks on and off; --config or
// --config-file replace them; the command line's options come last. A
// malformed .clang-tidy file is a usage error here (clang-tidy would go on
// without it, with another configuration).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_CONFIGURATION_H
#define ASYNC_LINT_DRIVER_CONFIGURATION_H

#include "CommandLine.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>

namespace async_lint {

class Configuration {
public:
  /// Reads --config or --config-file; fails when it cannot be read or is
  /// not a valid configuration.
  static llvm::Expected<Configuration> load(const CommandLine &CL);

  /// A provider of clang-tidy's options, for a ClangTidyContext to own. With
  /// \p HeaderRegex, findings are shown in the headers it matches.
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
  provider(llvm::StringRef HeaderRegex = "") const;

  /// Fails when a .clang-tidy file above \p File cannot be read or parsed;
  /// each directory is looked at once. Nothing to check with --config.
  llvm::Error checkFilesAbove(llvm::StringRef File);

  /// What of the configuration decides \p File's results besides the
  /// command line: the .clang-tidy files above it and --config-file's text.
  /// Part of the result cache's key.
  std::string cacheContext(llvm::StringRef File) const;

private:
  clang::tidy::ClangTidyOptions Overrides;
  /// --config or --config-file, parsed; std::nullopt without them.
  std::optional<clang::tidy::ClangTidyOptions> Explicit;
  std::string ExplicitText;
  llvm::StringSet<> CheckedDirs;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CONFIGURATION_H
