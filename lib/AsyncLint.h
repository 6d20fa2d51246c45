//===--- AsyncLint.h - async-lint -------------------------------*- C++ -*-===//
//
// What the front ends need from the check library besides the checks.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_ASYNCLINT_H
#define ASYNC_LINT_ASYNCLINT_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy {
// Defined next to the module registration; see AsyncTidyModule.cpp.
extern volatile int AsyncLintModuleAnchorSource;
} // namespace clang::tidy

namespace async_lint {

/// The async-lint version, e.g. "0.1.0".
llvm::StringRef version();

/// The LLVM major version the library was built against.
unsigned builtLLVMMajor();

/// The documentation of \p CheckName (Markdown), empty when unknown.
llvm::StringRef checkDocumentation(llvm::StringRef CheckName);

/// The one-sentence summary of \p CheckName: the first paragraph of its
/// documentation after the title, empty when unknown.
llvm::StringRef checkSummary(llvm::StringRef CheckName);

/// Stops the process (exit status 2) with a one-line error when the LLVM
/// that loaded this plugin is not the one it was built against. \p Plugin
/// names the plugin ("plugin"), \p Host the program that loaded it
/// ("clang-tidy"), \p Use the command to use instead, without its version.
void requireHostLLVM(const char *Plugin, const char *Host, const char *Use);

} // namespace async_lint

/// Keeps the module registration of a statically linked front end alive.
#define ASYNC_LINT_FORCE_LINK_MODULE                                           \
  [[maybe_unused]] static int AsyncLintModuleAnchorDestination =               \
      ::clang::tidy::AsyncLintModuleAnchorSource

#endif // ASYNC_LINT_ASYNCLINT_H
