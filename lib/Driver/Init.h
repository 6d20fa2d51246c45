//===--- Init.h - async-lint ------------------------------------*- C++ -*-===//
//
// `async-lint init [--build-dir=DIR] [PROJECT]`: starts a project in one
// command. It writes, only where absent, a .clang-tidy enabling the checks,
// a .clangd that shows them in the editor, a .pre-commit-config.yaml with the
// hook and a GitHub Actions workflow uploading SARIF; it prints what it wrote
// and, for each file it kept, what to add to it. It never overwrites a file:
// each is written to a temporary name and linked into place only if the
// place is still free.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_INIT_H
#define ASYNC_LINT_DRIVER_INIT_H

#include "llvm/ADT/ArrayRef.h"

namespace async_lint {

/// Runs `async-lint init` with the arguments after "init"; its exit status.
int runInit(llvm::ArrayRef<const char *> Args);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_INIT_H
