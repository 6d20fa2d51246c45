//===--- PluginOptions.h - async-lint ---------------------------*- C++ -*-===//
//
// The compiler plugin's options, `-fplugin-arg-async-lint-<name>=<value>`.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H
#define ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H

#include "clang-tidy/ClangTidyOptions.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
} // namespace clang

namespace async_lint {

/// The configuration of one compile: the async-* checks by default,
/// .clang-tidy files as the driver reads them (or config-file=), then the
/// options checks=, warnings-as-errors= and header-filter=. \p Args are the
/// plugin's own arguments (`-Xclang -plugin-arg-async-lint -Xclang <arg>`).
/// Null after reporting an error through the compiler's diagnostics.
std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
parsePluginOptions(const clang::CompilerInstance &Compiler,
                   const std::vector<std::string> &Args);

} // namespace async_lint

#endif // ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H
