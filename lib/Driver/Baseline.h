//===--- Baseline.h - async-lint --------------------------------*- C++ -*-===//
//
// Baselines: the findings a project accepts for now, so that CI reports only
// new ones. A finding is matched by its check, its file (relative to the
// source root) and its fingerprint (the check, the file name and the text of
// its line), so edits that only move it do not bring it back.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_BASELINE_H
#define ASYNC_LINT_DRIVER_BASELINE_H

#include "Findings.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace async_lint {

class Baseline {
public:
  /// Reads a baseline written by write().
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// Writes \p Findings as a baseline, whole or not at all.
  static llvm::Error write(llvm::StringRef Path,
                           llvm::ArrayRef<Finding> Findings,
                           llvm::StringRef SourceRoot);

  /// True when \p F is in the baseline; each entry accepts one finding.
  bool accepts(const Finding &F, llvm::StringRef SourceRoot);

private:
  llvm::StringMap<unsigned> Remaining;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_BASELINE_H
