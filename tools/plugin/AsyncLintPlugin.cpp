//===--- AsyncLintPlugin.cpp - async-lint ---------------------------------===//
//
// The clang-tidy plugin: `clang-tidy-22 -load=libAsyncLintPlugin.so`. The
// checks and their registration come from lib/; this file only refuses to run
// inside a clang-tidy of another LLVM version, where the registration would
// load and then silently report nothing.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace {

using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);

struct HostVersionCheck {
  HostVersionCheck() {
    // LLVMGetVersion is part of LLVM's stable C API, so it can be looked up
    // in any host without depending on the C++ ABI we would be checking.
    auto GetVersion =
        reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
    unsigned Major = 0, Minor = 0, Patch = 0;
    if (GetVersion)
      GetVersion(&Major, &Minor, &Patch);
    unsigned Expected = async_lint::builtLLVMMajor();
    if (Major == Expected)
      return;
    if (Major == 0)
      std::fprintf(stderr,
                   "error: the async-lint plugin was built for LLVM %u and "
                   "cannot tell which LLVM this clang-tidy is; load it into "
                   "clang-tidy-%u\n",
                   Expected, Expected);
    else
      std::fprintf(stderr,
                   "error: the async-lint plugin was built for LLVM %u but "
                   "was loaded into clang-tidy of LLVM %u.%u.%u; use "
                   "clang-tidy-%u, or rebuild async-lint against LLVM %u\n",
                   Expected, Major, Minor, Patch, Expected, Major);
    std::fflush(stderr);
    std::_Exit(2);
  }
};

const HostVersionCheck CheckHostVersion;

} // namespace
