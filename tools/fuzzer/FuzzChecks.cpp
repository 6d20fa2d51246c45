//===--- FuzzChecks.cpp - async-lint --------------------------------------===//
//
// A libFuzzer harness: each input is a C++20 translation unit, parsed with
// the mock headers of test/checkers/Inputs, on which every async-* check
// runs. Whatever the input, the checks must neither crash nor hang.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <memory>
#include <string>

using namespace clang;
using namespace clang::tidy;

namespace {

/// The options of every run: the async-* checks, nothing else.
std::unique_ptr<ClangTidyOptionsProvider> provider() {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,async-*";
  Options.HeaderFilterRegex = "";
  return std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                                  Options);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // The unit lives in memory, over the real file system (the mock headers),
  // in a folder that exists (the tool changes into it).
  const char *Dir = ASYNC_LINT_FUZZ_INPUTS;
  std::string File = std::string(Dir) + "/fuzz-input.cpp";
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(File, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(
                      reinterpret_cast<const char *>(Data), Size)));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  FS->pushOverlay(Memory);
  tooling::FixedCompilationDatabase Compilations(
      Dir, {"-std=c++20", "-nostdinc", "-isystem", ASYNC_LINT_FUZZ_INPUTS,
            "-ferror-limit=0", "-fsyntax-only"});
  ClangTidyContext Context(provider(), false, false, false);
  runClangTidy(Context, Compilations, {File}, FS, /*ApplyAnyFix=*/false,
               /*EnableCheckProfile=*/false, /*StoreCheckProfile=*/"",
               /*Quiet=*/true);
  return 0;
}
