//===--- SummariesTest.cpp - async-lint -----------------------------------===//
//
// The summary file format: what is written reads back the same, the file is
// named by its unit, and malformed text is refused with the line at fault.
//
//===----------------------------------------------------------------------===//

#include "Model/Summaries.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace clang::tidy::async::model;

namespace {

BlockingSummary flushLogs() {
  BlockingSummary E;
  E.Key = "_Z10flush_logsv";
  E.Leaf = "'std::this_thread::sleep_for'";
  E.Category = "sleep";
  E.Steps.push_back({"'flush_logs'", "'write_out'", "/src/log.cpp", 9, 3});
  E.Steps.push_back(
      {"'write_out'", "'std::this_thread::sleep_for'", "/src/log.cpp", 5, 3});
  return E;
}

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<std::vector<BlockingSummary>> Parsed = parseSummaries(Text);
  if (Parsed)
    return "";
  return llvm::toString(Parsed.takeError());
}

TEST(SummariesTest, WrittenTextReadsBack) {
  std::string Text = formatSummaries("/src/log.cpp", {flushLogs()});
  EXPECT_TRUE(llvm::StringRef(Text).starts_with("async-lint-summaries 1\n"));
  llvm::Expected<std::vector<BlockingSummary>> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->size(), 1u);
  const BlockingSummary &E = Parsed->front();
  EXPECT_EQ(E.Key, "_Z10flush_logsv");
  EXPECT_EQ(E.Leaf, "'std::this_thread::sleep_for'");
  EXPECT_EQ(E.Category, "sleep");
  ASSERT_EQ(E.Steps.size(), 2u);
  EXPECT_EQ(E.Steps[0].Callee, "'write_out'");
  EXPECT_EQ(E.Steps[1].File, "/src/log.cpp");
  EXPECT_EQ(E.Steps[1].Line, 5u);
  EXPECT_EQ(E.Steps[1].Column, 3u);
}

TEST(SummariesTest, UnwritableFieldsAreLeftOut) {
  BlockingSummary Bad = flushLogs();
  Bad.Steps[0].File = "/src/with\ttab.cpp";
  llvm::Expected<std::vector<BlockingSummary>> Parsed =
      parseSummaries(formatSummaries("/src/log.cpp", {Bad, flushLogs()}));
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  EXPECT_EQ(Parsed->size(), 1u);
}

TEST(SummariesTest, MalformedTextNamesTheLine) {
  EXPECT_EQ(errorOf(""), "line 1: expected 'async-lint-summaries 1'");
  EXPECT_EQ(errorOf("async-lint-summaries 2\n"),
            "line 1: expected 'async-lint-summaries 1'");
  EXPECT_EQ(errorOf("async-lint-summaries 1\nbogus\n"),
            "line 2: unknown record 'bogus'");
  EXPECT_EQ(errorOf("async-lint-summaries 1\nfunction\tk\t'l'\tsleep\t1\n"),
            "line 3: the last function lacks steps");
  EXPECT_EQ(
      errorOf("async-lint-summaries 1\nfunction\tk\t'l'\tsleep\tmany\n"),
      "line 2: malformed function record");
  EXPECT_EQ(errorOf("async-lint-summaries 1\nstep\ta\tb\t/f\t1\t1\n"),
            "line 2: a step outside a function");
  EXPECT_EQ(errorOf("async-lint-summaries 1\nfunction\tk\t'l'\tsleep\t1\n"
                    "step\ta\tb\t/f\t0\t1\n"),
            "line 3: malformed step record");
}

TEST(SummariesTest, FilesAreWrittenWholeAndIndexed) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("summaries", Dir));
  llvm::SmallString<128> Sub(Dir);
  llvm::sys::path::append(Sub, "new");
  ASSERT_FALSE(bool(writeSummaryFile(
      Sub, "/src/log.cpp", formatSummaries("/src/log.cpp", {flushLogs()}))));
  // Named by the unit: the same unit replaces its file.
  ASSERT_FALSE(bool(writeSummaryFile(
      Sub, "/src/log.cpp", formatSummaries("/src/log.cpp", {flushLogs()}))));
  std::string Digest = summaryDirectoryDigest(Sub);
  // A malformed file beside it is reported and ignored.
  llvm::SmallString<128> Bad(Sub);
  llvm::sys::path::append(Bad, "bad.summary");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Bad, EC);
    ASSERT_FALSE(EC);
    OS << "garbage\n";
  }
  EXPECT_NE(summaryDirectoryDigest(Sub), Digest);
  std::string Warnings;
  llvm::raw_string_ostream WS(Warnings);
  SummaryIndex Index = SummaryIndex::read(Sub, WS);
  EXPECT_EQ(Index.size(), 1u);
  ASSERT_NE(Index.find("_Z10flush_logsv"), nullptr);
  EXPECT_EQ(Index.find("_Z5otherv"), nullptr);
  EXPECT_NE(Warnings.find("ignoring malformed summary file"),
            std::string::npos);
  EXPECT_NE(Warnings.find("bad.summary"), std::string::npos);
  unsigned Files = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Sub, EC), End; It != End && !EC;
       It.increment(EC))
    ++Files;
  EXPECT_EQ(Files, 2u) << "no temporary file is left behind";
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
