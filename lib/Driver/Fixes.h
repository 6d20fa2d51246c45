//===--- Fixes.h - async-lint -----------------------------------*- C++ -*-===//
//
// --fix: applies the fix-its of the findings, each file written whole or not
// at all (a temporary file, then a rename). A fix that overlaps one already
// taken is skipped and reported, and a file that changed on disk after the
// analysis started is not touched.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_FIXES_H
#define ASYNC_LINT_DRIVER_FIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

namespace async_lint {

struct FixSummary {
  unsigned Applied = 0, Conflicting = 0, FilesWritten = 0, FilesSkipped = 0;
};

/// Applies the fixes of \p Errors' warnings (not of notes); reports every
/// skipped fix or file on \p Log.
FixSummary applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                      std::chrono::system_clock::time_point AnalysisStart,
                      llvm::raw_ostream &Log);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_FIXES_H
