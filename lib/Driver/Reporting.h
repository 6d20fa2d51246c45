//===--- Reporting.h - async-lint -------------------------------*- C++ -*-===//
//
// Findings in the formats CI systems read: JSON (docs/output-formats.md),
// SARIF 2.1.0 (GitHub code scanning) and GitHub workflow annotations, and
// back from JSON and SARIF (for `async-lint merge`). The text format stays
// clang-tidy's own.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_REPORTING_H
#define ASYNC_LINT_DRIVER_REPORTING_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace async_lint {

enum class Format { Text, Json, Sarif, Github, Html };

/// Writes \p Findings as one self-contained HTML page (HtmlReport.cpp).
void writeHtml(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root,
               unsigned FilesAnalysed, llvm::raw_ostream &OS);

/// Writes \p Findings in \p F (not Text); paths relative to \p SourceRoot.
void writeFindings(Format F, llvm::ArrayRef<Finding> Findings,
                   llvm::StringRef SourceRoot, unsigned FilesAnalysed,
                   llvm::raw_ostream &OS);

/// Writes the report to \p OutputPath, whole or not at all (a temporary file,
/// then a rename), or to standard output when \p OutputPath is empty.
llvm::Error writeReport(llvm::StringRef OutputPath, Format F,
                        llvm::ArrayRef<Finding> Findings,
                        llvm::StringRef SourceRoot, unsigned FilesAnalysed);

/// Reads back findings that writeFindings wrote as JSON; false when the
/// text is not such JSON.
bool readFindings(llvm::StringRef Json, std::vector<Finding> &Findings,
                  unsigned &FilesAnalysed);

/// Reads back the results of a SARIF file written by writeFindings, with
/// the paths as they are there (relative to the SRCROOT base).
bool readSarifFindings(llvm::StringRef Sarif, std::vector<Finding> &Findings);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_REPORTING_H
