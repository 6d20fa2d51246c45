//===--- AsyncLintPlugin.cpp - async-lint ---------------------------------===//
//
// The clang-tidy plugin: `clang-tidy-22 -load=libAsyncLintPlugin.so`. The
// checks and their registration come from lib/; this file only refuses to run
// inside a clang-tidy of another LLVM version, where the registration would
// load and then silently report nothing.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"

namespace {

struct HostVersionCheck {
  HostVersionCheck() {
    async_lint::requireHostLLVM("plugin", "clang-tidy", "clang-tidy");
  }
};

const HostVersionCheck CheckHostVersion;

} // namespace
