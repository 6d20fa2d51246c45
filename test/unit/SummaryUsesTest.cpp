//===--- SummaryUsesTest.cpp - async-lint ---------------------------------===//
//
// The keys a unit asks the summaries for (recorded by the one lookup entry
// point, written as `<hash>.uses`), and the driver's handling of a unit's
// files in a summary directory: replayed results write them back, stale
// ones go (lib/Driver/SummaryFlow.h).
//
//===----------------------------------------------------------------------===//

#include "Driver/SummaryFlow.h"
#include "Model/Summaries.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace clang::tidy::async::model;

namespace {

TEST(SummaryUsesTest, LookupRecordsEveryKeyAskedOnce) {
  SummaryUses Uses;
  // No index (the first pass reads none): the keys are recorded all the
  // same, and nothing is found.
  EXPECT_EQ(lookupSummary(nullptr, SummaryFact::Blocks, "_Z1bv", &Uses), nullptr);
  EXPECT_EQ(lookupSummary(nullptr, SummaryFact::Blocks, "_Z1av", &Uses), nullptr);
  EXPECT_EQ(lookupSummary(nullptr, SummaryFact::Blocks, "_Z1bv", &Uses), nullptr);
  // A callee without a mangled name is no key.
  EXPECT_EQ(lookupSummary(nullptr, SummaryFact::Blocks, "", &Uses), nullptr);
  // Not writing: nothing recorded.
  EXPECT_EQ(lookupSummary(nullptr, SummaryFact::Blocks, "_Z1cv", nullptr), nullptr);
  EXPECT_EQ(Uses.keys(), (std::vector<std::string>{"_Z1av", "_Z1bv"}));
}

TEST(SummaryUsesTest, WrittenTextReadsBack) {
  SummaryUses Uses;
  Uses.ask("_Z11quiet_flushv");
  Uses.ask("_Z10flush_logsv");
  std::string Text = formatUses(Uses);
  EXPECT_EQ(Text, "async-lint-uses 1\n_Z10flush_logsv\n_Z11quiet_flushv\n");
  llvm::Expected<std::vector<std::string>> Parsed = parseUses(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  EXPECT_EQ(*Parsed, Uses.keys());
  // Nothing asked: the header alone.
  EXPECT_EQ(formatUses(SummaryUses()), "async-lint-uses 1\n");
}

TEST(SummaryUsesTest, MalformedTextIsRefusedWithItsLine) {
  llvm::Expected<std::vector<std::string>> Wrong =
      parseUses("async-lint-summaries 1\n");
  ASSERT_FALSE(bool(Wrong));
  EXPECT_EQ(llvm::toString(Wrong.takeError()),
            "line 1: expected 'async-lint-uses 1'");
  llvm::Expected<std::vector<std::string>> Tab =
      parseUses("async-lint-uses 1\n_Z1av\nkey\twith a tab\n");
  ASSERT_FALSE(bool(Tab));
  EXPECT_EQ(llvm::toString(Tab.takeError()), "line 3: malformed key");
}

TEST(SummaryUsesTest, UsesFileIsNamedLikeTheSummary) {
  std::string Summary = summaryFileName("/src/log.cpp", SummaryFact::Throws);
  std::string Uses = usesFileName("/src/log.cpp", SummaryFact::Throws);
  ASSERT_TRUE(llvm::StringRef(Summary).ends_with(".summary"));
  EXPECT_EQ(Uses, Summary.substr(0, Summary.size() - 8) + ".uses");
}

TEST(SummaryUsesTest, TaggedUsesFileEndsWithItsFact) {
  // A check that reads a fact another check writes records its keys in a
  // file of its own: <hash>.<tag>.<fact>.uses, whose last part still names
  // the fact (the driver reads it from there).
  std::string Plain = usesFileName("/src/log.cpp", SummaryFact::Detaches);
  std::string Tagged =
      usesFileName("/src/log.cpp", SummaryFact::Detaches, "lifetime");
  std::string Hash = Plain.substr(0, Plain.find('.'));
  EXPECT_EQ(Plain, Hash + ".detaches.uses");
  EXPECT_EQ(Tagged, Hash + ".lifetime.detaches.uses");
}

class SummaryDirectoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("summary-flow", Directory));
    Dir = std::string(Directory);
    Hash = summaryFileName(Unit, SummaryFact::Blocks);
    Hash = Hash.substr(0, Hash.find('.'));
  }
  void TearDown() override {
    llvm::sys::fs::remove_directories(Directory);
  }
  std::string path(llvm::StringRef Name) {
    llvm::SmallString<256> P(Directory);
    llvm::sys::path::append(P, Name);
    return std::string(P);
  }
  void write(llvm::StringRef Name, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(path(Name), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  std::string read(llvm::StringRef Name) {
    auto Buffer = llvm::MemoryBuffer::getFile(path(Name));
    return Buffer ? (*Buffer)->getBuffer().str() : "<missing>";
  }

  const std::string Unit = "/src/log.cpp";
  llvm::SmallString<256> Directory;
  std::string Dir, Hash;
};

TEST_F(SummaryDirectoryTest, ReplayedFilesAreWrittenBackAndStaleOnesGo) {
  write(Hash + ".summary", "old");
  write(Hash + ".stale.summary", "gone after the restore");
  write("0000.summary", "another unit's");
  async_lint::restoreUnitSummaryFiles(
      Dir, Unit,
      {{Hash + ".summary", "new"},
       {Hash + ".uses", "async-lint-uses 1\n"},
       // Not this unit's name: never written.
       {"0000.summary", "overwritten?"},
       {"../escape.summary", "outside?"}});
  EXPECT_EQ(read(Hash + ".summary"), "new");
  EXPECT_EQ(read(Hash + ".uses"), "async-lint-uses 1\n");
  EXPECT_EQ(read(Hash + ".stale.summary"), "<missing>");
  EXPECT_EQ(read("0000.summary"), "another unit's");
  auto Files = async_lint::unitSummaryFiles(Dir, Unit);
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_EQ(Files[0].first, Hash + ".summary");
  EXPECT_EQ(Files[1].first, Hash + ".uses");
}

TEST_F(SummaryDirectoryTest, FilesNotWrittenAgainAreStale) {
  write(Hash + ".summary", "before");
  write(Hash + ".uses", "before");
  async_lint::UnitFileIds Before = async_lint::unitSummaryFileIds(Dir, Unit);
  ASSERT_EQ(Before.size(), 2u);
  // The analysis rewrites the summary the way the writers do (a new file
  // renamed over the old), and not the uses.
  write(Hash + ".summary.tmp", "after");
  ASSERT_FALSE(
      llvm::sys::fs::rename(path(Hash + ".summary.tmp"), path(Hash + ".summary")));
  async_lint::removeStaleSummaryFiles(Dir, Before);
  EXPECT_EQ(read(Hash + ".summary"), "after");
  EXPECT_EQ(read(Hash + ".uses"), "<missing>");
}

} // namespace
