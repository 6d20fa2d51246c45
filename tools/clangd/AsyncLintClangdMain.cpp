//===--- AsyncLintClangdMain.cpp - async-lint -----------------------------===//
//
// `async-lint-clangd`: clangd with the async-* checks linked in (stock clangd
// cannot load clang-tidy plugins). Enable them in .clangd:
//   Diagnostics:
//     ClangTidy:
//       Add: [async-*]
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

ASYNC_LINT_FORCE_LINK_MODULE;

int main(int Argc, char *Argv[]) {
  // clangd finds Clang's built-in headers next to its own binary; this one
  // lives elsewhere, so point it at Debian's resource directory unless the
  // user chose one.
  std::vector<char *> Args(Argv, Argv + Argc);
  bool HasResourceDir = false;
  for (int I = 1; I < Argc; ++I)
    HasResourceDir |= llvm::StringRef(Argv[I]).starts_with("--resource-dir") ||
                      llvm::StringRef(Argv[I]).starts_with("-resource-dir");
  static std::string ResourceDir =
      std::string("--resource-dir=") + ASYNC_LINT_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1,
                                   Args.data());
}
