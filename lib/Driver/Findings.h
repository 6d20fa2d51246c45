//===--- Findings.h - async-lint --------------------------------*- C++ -*-===//
//
// Findings: clang-tidy's diagnostics with lines, columns and fingerprints,
// the form that reports, baselines and filters use. A run's diagnostics
// become records, one per diagnostic however many translation units
// reported it (a header's finding is seen by every unit that includes it).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_FINDINGS_H
#define ASYNC_LINT_DRIVER_FINDINGS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace async_lint {

struct Location {
  std::string File; // absolute
  unsigned Line = 0, Column = 0;
};

struct Note {
  Location Where;
  std::string Message;
};

struct Finding {
  std::string Check;
  std::string Level; // "warning" or "error"
  Location Where;
  std::string Message;
  std::vector<Note> Notes;
  /// Identifies the finding across edits that move it: a hash of the check,
  /// the file and the text of the line, not of the line number.
  std::string Fingerprint;
  /// How many translation units reported it.
  unsigned Units = 1;
};

/// One diagnostic of a run: what clang-tidy reported (offsets and fixes, for
/// the text output, --fix and --export-fixes) and the finding it is (for
/// reports, baselines and filters).
struct Record {
  clang::tidy::ClangTidyError Error;
  Finding Found;
  /// False for the compiler's own diagnostics (clang-diagnostic-*).
  bool isFinding() const;
};

/// True for Clang's own diagnostics (clang-diagnostic-*), which are not
/// findings: an error among them means the unit could not be analysed.
bool isCompilerDiagnostic(const clang::tidy::ClangTidyError &E);

/// \p File relative to \p Root when it lies below it, with '/' separators.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

/// Turns clang-tidy's errors, compiler diagnostics included, into records
/// (reading each file once for lines, columns and fingerprints).
std::vector<Record> toRecords(std::vector<clang::tidy::ClangTidyError> Errors);

/// Keeps the first of each set of equal findings (the same check, file,
/// line, column and message), in place, with the units of all of them.
void mergeDuplicates(std::vector<Finding> &Findings);
void mergeDuplicates(std::vector<Record> &Records);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_FINDINGS_H
