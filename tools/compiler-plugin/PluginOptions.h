//===--- PluginOptions.h - async-lint ---------------------------*- C++ -*-===//
//
// The compiler plugin's options, `-fplugin-arg-async-lint-<name>=<value>`.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H
#define ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H

#include "clang-tidy/ClangTidyOptions.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
} // namespace clang

namespace async_lint {

/// The configuration of one compile.
struct PluginOptions {
  /// The async-* checks by default, .clang-tidy files as the driver reads
  /// them (or config-file=), then the options checks=, warnings-as-errors=
  /// and header-filter=.
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  /// werror=follow: the compile's -Werror makes every finding an error. By
  /// default (werror=ignore) only warnings-as-errors= does, as in
  /// clang-tidy, so that a -Werror build can adopt the plugin.
  bool FollowWerror = false;
};

/// The options of one compile; \p Args are the plugin's own arguments
/// (`-Xclang -plugin-arg-async-lint -Xclang <arg>`). std::nullopt after
/// reporting an error through the compiler's diagnostics.
std::optional<PluginOptions>
parsePluginOptions(const clang::CompilerInstance &Compiler,
                   const std::vector<std::string> &Args);

} // namespace async_lint

#endif // ASYNC_LINT_COMPILER_PLUGIN_PLUGINOPTIONS_H
