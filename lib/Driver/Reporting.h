//===--- Reporting.h - async-lint --------------------------------*- C++
//-*-===//
//
// Findings in the formats CI systems read: JSON (docs/output-formats.md),
// SARIF 2.1.0 (GitHub code scanning) and GitHub workflow annotations. The
// text format stays clang-tidy's own.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_REPORTING_H
#define ASYNC_LINT_DRIVER_REPORTING_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
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
};

/// True for Clang's own diagnostics (clang-diagnostic-*), which are not
/// findings: an error among them means the unit could not be analysed.
bool isCompilerDiagnostic(const clang::tidy::ClangTidyError &E);

/// \p File relative to \p Root when it lies below it, with '/' separators.
std::string relativePath(llvm::StringRef File, llvm::StringRef Root);

/// Converts clang-tidy's errors (file offsets) into findings (lines and
/// columns), skipping compiler diagnostics (clang-diagnostic-*).
std::vector<Finding>
toFindings(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors);

/// Reads back findings that writeFindings wrote as JSON (a worker's);
/// false when the text is not such JSON.
bool readFindings(llvm::StringRef Json, std::vector<Finding> &Findings);

/// Reads back the results of a SARIF file written by writeFindings, with
/// the paths as they are there (relative to the SRCROOT base).
bool readSarifFindings(llvm::StringRef Sarif, std::vector<Finding> &Findings);

enum class Format { Text, Json, Sarif, Github };

/// Writes \p Findings in \p F (not Text); paths relative to \p SourceRoot.
void writeFindings(Format F, llvm::ArrayRef<Finding> Findings,
                   llvm::StringRef SourceRoot, unsigned FilesAnalysed,
                   llvm::raw_ostream &OS);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_REPORTING_H
