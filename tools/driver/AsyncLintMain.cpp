//===--- AsyncLintMain.cpp - async-lint -----------------------------------===//
//
// The `async-lint` command: the driver in lib/Driver with our checks and
// clang-tidy's own modules linked in (so --checks can enable those too).
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include "Driver/Driver.h"
#include "clang-tidy/ClangTidyForceLinker.h"

ASYNC_LINT_FORCE_LINK_MODULE;

int main(int Argc, const char **Argv) {
  return async_lint::runDriver(Argc, Argv);
}
