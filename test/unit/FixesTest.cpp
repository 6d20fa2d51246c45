//===--- FixesTest.cpp - async-lint ---------------------------------------===//
//
// --fix on hand-made findings: overlapping fixes are skipped whole, the
// others applied, and the file is rewritten in one piece.
//
//===----------------------------------------------------------------------===//

#include "Driver/Fixes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace clang;
using clang::tidy::ClangTidyError;
using clang::tooling::Replacement;

namespace {

ClangTidyError finding(llvm::StringRef File, unsigned Offset,
                       unsigned Length, llvm::StringRef Text) {
  ClangTidyError E("async-test", ClangTidyError::Warning, "", false);
  E.Message.FilePath = File.str();
  E.Message.FileOffset = Offset;
  llvm::cantFail(E.Message.Fix[File].add(Replacement(File, Offset, Length, Text)));
  return E;
}

TEST(Fixes, SkipsOverlappingFixesAndAppliesTheRest) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("fixes", "cpp", Path));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << "aaaa bbbb cccc\n";
  }
  auto Start = std::chrono::system_clock::now() + std::chrono::seconds(5);
  std::vector<ClangTidyError> Errors = {
      finding(Path, 0, 4, "AAAA"),  // taken
      finding(Path, 2, 4, "XXXX"),  // overlaps the first: skipped
      finding(Path, 10, 4, "CCCC"), // taken
      finding(Path, 10, 0, "!"),    // same place as the third: skipped
  };
  std::string Log;
  llvm::raw_string_ostream LogStream(Log);
  async_lint::FixSummary S = async_lint::applyFixes(Errors, Start, LogStream);
  EXPECT_EQ(S.Applied, 2u);
  EXPECT_EQ(S.Conflicting, 2u);
  EXPECT_EQ(S.FilesWritten, 1u);
  EXPECT_NE(Log.find("overlaps another fix"), std::string::npos);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Buffer));
  EXPECT_EQ((*Buffer)->getBuffer(), "AAAA bbbb CCCC\n");
  llvm::sys::fs::remove(Path);
}

} // namespace
