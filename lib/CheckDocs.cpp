//===--- CheckDocs.cpp - async-lint ---------------------------------------===//
//
// The check documentation under docs/checks/, embedded at build time so that
// 'async-lint --explain' and --list-checks need no files at run time.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include "llvm/Config/llvm-config.h"

namespace async_lint {

namespace {
struct CheckDoc {
  const char *Name;
  const char *Text;
};
const CheckDoc Docs[] = {
#include "CheckDocs.inc"
};
} // namespace

llvm::StringRef version() { return ASYNC_LINT_VERSION; }

unsigned builtLLVMMajor() { return LLVM_VERSION_MAJOR; }

llvm::StringRef checkDocumentation(llvm::StringRef CheckName) {
  for (const CheckDoc &Doc : Docs)
    if (CheckName == Doc.Name)
      return Doc.Text;
  return {};
}

llvm::StringRef checkSummary(llvm::StringRef CheckName) {
  llvm::StringRef Rest = checkDocumentation(CheckName);
  // Skip the '# name' title; the summary is the next non-empty line.
  while (!Rest.empty()) {
    auto [Line, Tail] = Rest.split('\n');
    Rest = Tail;
    Line = Line.trim();
    if (!Line.empty() && !Line.starts_with("#"))
      return Line;
  }
  return {};
}

} // namespace async_lint
