//===--- HostVersion.cpp - async-lint -------------------------------------===//
//
// The load-time guard of the two plugins: a plugin loaded into a host of
// another LLVM version would load and then silently report nothing (or
// crash), so it stops the host with a one-line error instead.
//
//===----------------------------------------------------------------------===//

#include "AsyncLint.h"
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace async_lint {

namespace {
using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
} // namespace

void requireHostLLVM(const char *Plugin, const char *Host, const char *Use) {
  // LLVMGetVersion is part of LLVM's stable C API, so it can be looked up
  // in any host without depending on the C++ ABI we would be checking.
  auto GetVersion =
      reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"));
  unsigned Major = 0, Minor = 0, Patch = 0;
  if (GetVersion)
    GetVersion(&Major, &Minor, &Patch);
  unsigned Expected = builtLLVMMajor();
  if (Major == Expected)
    return;
  if (Major == 0)
    std::fprintf(stderr,
                 "error: the async-lint %s was built for LLVM %u and cannot "
                 "tell which LLVM this %s is; load it into %s-%u\n",
                 Plugin, Expected, Host, Use, Expected);
  else
    std::fprintf(stderr,
                 "error: the async-lint %s was built for LLVM %u but was "
                 "loaded into %s of LLVM %u.%u.%u; use %s-%u, or rebuild "
                 "async-lint against LLVM %u\n",
                 Plugin, Expected, Host, Major, Minor, Patch, Use, Expected,
                 Major);
  std::fflush(stderr);
  std::_Exit(2);
}

} // namespace async_lint
