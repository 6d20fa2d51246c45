//===--- UnitResult.h - async-lint ------------------------------*- C++ -*-===//
//
// What the analysis of one translation unit produced, and its JSON form: a
// worker hands its unit's result to the parent in it, and the result cache
// stores it. clang-tidy's diagnostics travel whole (offsets, fixes, notes,
// ranges), so the parent prints, filters and fixes exactly as when the unit
// is analysed in its own process.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_UNITRESULT_H
#define ASYNC_LINT_DRIVER_UNITRESULT_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace async_lint {

struct UnitResult {
  std::string File;
  /// clang-tidy's diagnostics: the checks' findings and the compiler's own.
  std::vector<clang::tidy::ClangTidyError> Diagnostics;
  /// The unit could not be analysed: compiler errors, a crash, or a worker
  /// whose results were lost.
  bool Failed = false;
  /// The files the analysis read, absolute (workers record them for the
  /// result cache).
  std::vector<std::string> Dependencies;
  /// Writing summaries (--summaries' first pass): the files the unit wrote
  /// into the summary directory, by name, with their text, so that a
  /// replayed result writes them again (SummaryFlow.h).
  std::vector<std::pair<std::string, std::string>> SummaryFiles;
  /// Replayed from the result cache, not analysed by this run (not in the
  /// JSON: it is the run's fact, not the unit's).
  bool Replayed = false;
};

/// True when \p Diagnostics hold a compiler error.
bool hasCompilerError(llvm::ArrayRef<clang::tidy::ClangTidyError> Diagnostics);

/// \p Unit as JSON.
std::string toJson(const UnitResult &Unit);

/// Reads back what toJson wrote; false when \p Json is not such a result.
bool fromJson(llvm::StringRef Json, UnitResult &Unit);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_UNITRESULT_H
