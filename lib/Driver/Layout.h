//===--- Layout.h - async-lint ----------------------------------*- C++ -*-===//
//
// Where async-lint's own files are, found from the running executable: the
// install layout (bin/, lib/async-lint/, share/doc/async-lint/) and the build
// tree (bin/, lib/). --print-plugin-path and --print-compiler-plugin-path
// answer from here, so that `clang-tidy-22 -load="$(async-lint
// --print-plugin-path)"` works from any directory.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_LAYOUT_H
#define ASYNC_LINT_DRIVER_LAYOUT_H

#include "llvm/Support/Error.h"
#include <string>

namespace async_lint {

/// The shared objects async-lint ships beside its executables.
enum class Plugin {
  ClangTidy, ///< libAsyncLintPlugin.so, for clang-tidy-22 -load=
  Compiler,  ///< libAsyncLintCompilerPlugin.so, for clang++-22 -fplugin=
};

/// The absolute path of \p Which, looked up beside the executable that
/// \p Argv0 started: `<bin>/../lib/async-lint/` (installed) and then
/// `<bin>/../lib/` (the build tree). Fails, naming both places, when neither
/// holds it.
llvm::Expected<std::string> pluginPath(const char *Argv0, Plugin Which);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_LAYOUT_H
