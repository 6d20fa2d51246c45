// Test helper: preloaded into clang-tidy-22, it makes the host look like
// LLVM 21 to the plugin's load-time version check.
extern "C" void LLVMGetVersion(unsigned *Major, unsigned *Minor,
                               unsigned *Patch) {
  *Major = 21;
  *Minor = 1;
  *Patch = 0;
}
