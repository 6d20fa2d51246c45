//===--- DiffFilter.h - async-lint ------------------------------*- C++ -*-===//
//
// --diff: report only findings on the lines a change adds or modifies, in
// the manner of clang-tidy-diff, from `git diff REV` or a unified diff.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_DIFFFILTER_H
#define ASYNC_LINT_DRIVER_DIFFFILTER_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <utility>
#include <vector>

namespace async_lint {

class ChangedLines {
public:
  /// Reads a unified diff; its paths ('+++ b/path') are relative to \p Root.
  static ChangedLines parse(llvm::StringRef Diff, llvm::StringRef Root);
  /// Runs `git diff -U0 REV` in the repository around the current directory.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Rev);

  bool contains(llvm::StringRef AbsoluteFile, unsigned Line) const;
  /// The changed files that still exist, absolute.
  std::vector<std::string> files() const;
  /// The diff again, with absolute paths (for worker processes).
  std::string str() const;

private:
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Ranges;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_DIFFFILTER_H
