//===--- SummariesTest.cpp - async-lint -----------------------------------===//
//
// The summary file format (version 2): every kind of record written reads
// back the same, the file is named by its unit and fact, malformed text is
// refused with the line at fault, and records of unknown kinds are skipped.
//
//===----------------------------------------------------------------------===//

#include "Model/DroppedParameters.h"
#include "Model/Summaries.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace clang::tidy::async::model;

namespace {

Summary flushLogs() {
  Summary E;
  E.Fact = SummaryFact::Blocks;
  E.Key = "_Z10flush_logsv";
  E.What = "'std::this_thread::sleep_for'";
  E.Category = "sleep";
  E.Steps.push_back({"'flush_logs'", "'write_out'", "/src/log.cpp", 9, 3});
  E.Steps.push_back(
      {"'write_out'", "'std::this_thread::sleep_for'", "/src/log.cpp", 5, 3});
  return E;
}

Summary work() {
  Summary E;
  E.Fact = SummaryFact::Throws;
  E.Key = "_Z4workv";
  E.What = "coroutine 'work'";
  E.Steps.push_back(
      {"coroutine 'work'", "an exception is thrown here", "/src/work.cpp", 7, 5});
  return E;
}

Summary startJob() {
  Summary E;
  E.Fact = SummaryFact::Spawns;
  E.Key = "_Z9start_jobi";
  E.What = "'asio::co_spawn'";
  E.Steps.push_back(
      {"'start_job'", "'asio::co_spawn'", "/src/jobs.cpp", 12, 3});
  return E;
}

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  if (Parsed)
    return "";
  return llvm::toString(Parsed.takeError());
}

TEST(SummariesTest, WrittenTextReadsBack) {
  std::string Text = formatSummaries("/src/log.cpp", {flushLogs()});
  EXPECT_TRUE(llvm::StringRef(Text).starts_with("async-lint-summaries 2\n"));
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  const Summary &E = Parsed->Entries.front();
  EXPECT_EQ(E.Fact, SummaryFact::Blocks);
  EXPECT_EQ(E.Key, "_Z10flush_logsv");
  EXPECT_EQ(E.What, "'std::this_thread::sleep_for'");
  EXPECT_EQ(E.Category, "sleep");
  ASSERT_EQ(E.Steps.size(), 2u);
  EXPECT_EQ(E.Steps[0].Callee, "'write_out'");
  EXPECT_EQ(E.Steps[1].File, "/src/log.cpp");
  EXPECT_EQ(E.Steps[1].Line, 5u);
  EXPECT_EQ(E.Steps[1].Column, 3u);
}

TEST(SummariesTest, EveryFactReadsBack) {
  std::string Text =
      formatSummaries("/src/mixed.cpp", {work(), startJob(), flushLogs()});
  EXPECT_NE(Text.find("\nthrows\t_Z4workv\tcoroutine 'work'\t-\t1\n"),
            std::string::npos)
      << Text;
  EXPECT_NE(Text.find("\nspawns\t_Z9start_jobi\t'asio::co_spawn'\t-\t1\n"),
            std::string::npos)
      << Text;
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 3u);
  const Summary &Throws = Parsed->Entries[0];
  EXPECT_EQ(Throws.Fact, SummaryFact::Throws);
  EXPECT_EQ(Throws.Key, "_Z4workv");
  EXPECT_EQ(Throws.What, "coroutine 'work'");
  EXPECT_EQ(Throws.Category, "-");
  ASSERT_EQ(Throws.Steps.size(), 1u);
  EXPECT_EQ(Throws.Steps[0].Callee, "an exception is thrown here");
  EXPECT_EQ(Throws.Steps[0].Line, 7u);
  const Summary &Spawns = Parsed->Entries[1];
  EXPECT_EQ(Spawns.Fact, SummaryFact::Spawns);
  EXPECT_EQ(Spawns.Key, "_Z9start_jobi");
  EXPECT_EQ(Spawns.What, "'asio::co_spawn'");
  ASSERT_EQ(Spawns.Steps.size(), 1u);
  EXPECT_EQ(Spawns.Steps[0].Caller, "'start_job'");
  EXPECT_EQ(Spawns.Steps[0].File, "/src/jobs.cpp");
  EXPECT_EQ(Parsed->Entries[2].Fact, SummaryFact::Blocks);
}

TEST(SummariesTest, UnknownRecordsAreSkippedWithTheirSteps) {
  llvm::Expected<ParsedSummaries> Parsed =
      parseSummaries("async-lint-summaries 2\nunit\t/src/a.cpp\n"
                     "awaits\t_Z1fv\tx\t-\t2\nstep\ta\tb\t/f\t1\t1\n"
                     "step\ta\tb\t/f\t2\t1\n"
                     "throws\t_Z4workv\tcoroutine 'work'\t-\t1\n"
                     "step\tcoroutine 'work'\tthrown\t/f\t3\t1\n");
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Skipped.size(), 1u);
  EXPECT_EQ(Parsed->Skipped[0], "line 3: unknown record 'awaits'");
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_EQ(Parsed->Entries[0].Fact, SummaryFact::Throws);
  EXPECT_EQ(Parsed->Entries[0].Steps.size(), 1u);
}

TEST(SummariesTest, UnwritableFieldsAreLeftOut) {
  Summary Bad = flushLogs();
  Bad.Steps[0].File = "/src/with\ttab.cpp";
  Summary BadThrow = work();
  BadThrow.Steps[0].Callee = "two\nlines";
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(
      formatSummaries("/src/log.cpp", {Bad, BadThrow, flushLogs()}));
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  EXPECT_EQ(Parsed->Entries.size(), 1u);
}

TEST(SummariesTest, MalformedTextNamesTheLine) {
  EXPECT_EQ(errorOf(""), "line 1: expected 'async-lint-summaries 2'");
  EXPECT_EQ(errorOf("async-lint-summaries 1\n"),
            "line 1: expected 'async-lint-summaries 2'");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nblocks\tk\t'l'\tsleep\t1\n"),
            "line 3: the last record lacks steps");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nblocks\tk\t'l'\tsleep\tmany\n"),
            "line 2: malformed blocks record");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nthrows\tk\n"),
            "line 2: malformed throws record");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nspawns\tk\t'f'\t-\t0\n"),
            "line 2: malformed spawns record");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nstep\ta\tb\t/f\t1\t1\n"),
            "line 2: a step outside a record");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nthrows\tk\tw\t-\t1\n"
                    "step\ta\tb\t/f\t0\t1\n"),
            "line 3: malformed step record");
  EXPECT_EQ(errorOf("async-lint-summaries 2\nthrows\tk\tw\t-\t2\n"
                    "step\ta\tb\t/f\t1\t1\nspawns\tk\tw\t-\t1\n"),
            "line 4: the previous record lacks steps");
}

TEST(SummariesTest, FilesAreWrittenWholeAndIndexed) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("summaries", Dir));
  llvm::SmallString<128> Sub(Dir);
  llvm::sys::path::append(Sub, "new");
  ASSERT_FALSE(bool(writeSummaryFile(
      Sub, "/src/log.cpp", SummaryFact::Blocks,
      formatSummaries("/src/log.cpp", {flushLogs()}))));
  // Named by the unit and the fact: the same unit replaces its file, and
  // the unit's file of another fact is another file.
  ASSERT_FALSE(bool(writeSummaryFile(
      Sub, "/src/log.cpp", SummaryFact::Blocks,
      formatSummaries("/src/log.cpp", {flushLogs()}))));
  ASSERT_FALSE(bool(writeSummaryFile(Sub, "/src/log.cpp", SummaryFact::Throws,
                                     formatSummaries("/src/log.cpp",
                                                     {work(), startJob()}))));
  EXPECT_TRUE(llvm::StringRef(summaryFileName("/src/log.cpp",
                                              SummaryFact::Throws))
                  .ends_with(".throws.summary"));
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
  EXPECT_EQ(Index.size(), 3u);
  ASSERT_NE(Index.find(SummaryFact::Blocks, "_Z10flush_logsv"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Throws, "_Z10flush_logsv"), nullptr);
  ASSERT_NE(Index.find(SummaryFact::Throws, "_Z4workv"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Throws, "_Z4workv")->Steps[0].Line, 7u);
  ASSERT_NE(Index.find(SummaryFact::Spawns, "_Z9start_jobi"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Spawns, "_Z4workv"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Blocks, "_Z5otherv"), nullptr);
  EXPECT_NE(Warnings.find("ignoring malformed summary file"),
            std::string::npos);
  EXPECT_NE(Warnings.find("bad.summary"), std::string::npos);
  unsigned Files = 0;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Sub, EC), End; It != End && !EC;
       It.increment(EC))
    ++Files;
  EXPECT_EQ(Files, 3u) << "no temporary file is left behind";
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace

namespace {

Summary twice() {
  Summary E;
  E.Fact = SummaryFact::Drops;
  E.Key = "_Z5twiceiN4demo4taskIvEES1_";
  E.What = "'twice'";
  E.Category = "1,2";
  E.Steps.push_back({"'twice'", "'a'", "/src/jobs.cpp", 24, 1});
  E.Steps.push_back({"'twice'", "#3", "/src/jobs.cpp", 24, 1});
  return E;
}

TEST(SummariesTest, DropsRecordsNameTheirParameters) {
  std::string Text = formatSummaries("/src/jobs.cpp", {twice()});
  EXPECT_NE(Text.find("\ndrops\t_Z5twiceiN4demo4taskIvEES1_\t'twice'\t1,2\t2\n"),
            std::string::npos)
      << Text;
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  const Summary &Drops = Parsed->Entries[0];
  EXPECT_EQ(Drops.Fact, SummaryFact::Drops);
  EXPECT_EQ(droppedParameter(Drops, 0), nullptr);
  ASSERT_NE(droppedParameter(Drops, 1), nullptr);
  EXPECT_EQ(droppedParameter(Drops, 1)->Callee, "'a'");
  ASSERT_NE(droppedParameter(Drops, 2), nullptr);
  EXPECT_EQ(droppedParameter(Drops, 2)->Callee, "#3");
  // Indexes that do not match the steps: nothing is dropped.
  Summary Odd = Drops;
  Odd.Category = "1";
  EXPECT_EQ(droppedParameter(Odd, 1), nullptr);
  // Another fact's record is never read as a drop.
  EXPECT_EQ(droppedParameter(startJob(), 0), nullptr);
}

} // namespace

namespace {

TEST(SummariesTest, DetachesRecordsRoundTripAndNameTheirParameters) {
  Summary E;
  E.Fact = SummaryFact::Detaches;
  E.Key = "_Z9start_jobRN4asio10io_contextENS_9awaitableIvEE";
  E.What = "'start_job'";
  E.Category = "1";
  E.Steps.push_back({"'start_job'",
                     "'asio::co_spawn' spawns it here with 'asio::detached', "
                     "which drops its exceptions",
                     "/src/jobs.cpp", 22, 3});
  std::string Text = formatSummaries("/src/jobs.cpp", {E});
  EXPECT_NE(Text.find("\ndetaches\t" + E.Key + "\t'start_job'\t1\t1\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(summaryFileName("/src/jobs.cpp", SummaryFact::Detaches).substr(16),
            ".detaches.summary");
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  const Summary &Detaches = Parsed->Entries[0];
  EXPECT_EQ(Detaches.Fact, SummaryFact::Detaches);
  EXPECT_EQ(parameterStep(Detaches, 0), nullptr);
  ASSERT_NE(parameterStep(Detaches, 1), nullptr);
  EXPECT_EQ(parameterStep(Detaches, 1)->Line, 22u);
  // A detach is not a drop: the drops reader ignores it.
  EXPECT_EQ(droppedParameter(Detaches, 1), nullptr);
}

} // namespace

namespace {

TEST(SummariesTest, BorrowsRecordsRoundTripAndNameTheirParameters) {
  Summary E;
  E.Fact = SummaryFact::Borrows;
  E.Key = "_Z4sendRKNSt7__cxx1112basic_stringIcEE";
  E.What = "'send'";
  E.Category = "0";
  E.Steps.push_back({"'send'", "'Text'", "/src/jobs.cpp", 8, 11});
  std::string Text = formatSummaries("/src/jobs.cpp", {E});
  EXPECT_NE(Text.find("\nborrows\t" + E.Key + "\t'send'\t0\t1\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(summaryFileName("/src/jobs.cpp", SummaryFact::Borrows).substr(16),
            ".borrows.summary");
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  const Summary &Borrows = Parsed->Entries[0];
  EXPECT_EQ(Borrows.Fact, SummaryFact::Borrows);
  ASSERT_NE(parameterStep(Borrows, 0), nullptr);
  EXPECT_EQ(parameterStep(Borrows, 0)->Callee, "'Text'");
  EXPECT_EQ(parameterStep(Borrows, 1), nullptr);
  // A borrow is not a drop: the drops reader ignores it.
  EXPECT_EQ(droppedParameter(Borrows, 0), nullptr);
}

} // namespace

namespace {

TEST(SummariesTest, LeavesRecordsRoundTripWithAndWithoutAHandOff) {
  Summary E;
  E.Fact = SummaryFact::Leaves;
  E.Key = "_Z5startRN4asio10io_contextES1_";
  E.What = "'start'";
  E.Category = "0,1";
  // Parameter 0 is handed work there; parameter 1 is given none.
  E.Steps.push_back({"'start'", "'asio::co_spawn'", "/src/net.cpp", 7, 3});
  E.Steps.push_back({"'start'", "-", "/src/net.cpp", 6, 42});
  std::string Text = formatSummaries("/src/net.cpp", {E});
  EXPECT_NE(Text.find("\nleaves\t" + E.Key + "\t'start'\t0,1\t2\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(summaryFileName("/src/net.cpp", SummaryFact::Leaves).substr(16),
            ".leaves.summary");
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  const Summary &Leaves = Parsed->Entries[0];
  EXPECT_EQ(Leaves.Fact, SummaryFact::Leaves);
  ASSERT_NE(parameterStep(Leaves, 0), nullptr);
  EXPECT_EQ(parameterStep(Leaves, 0)->Callee, "'asio::co_spawn'");
  ASSERT_NE(parameterStep(Leaves, 1), nullptr);
  EXPECT_EQ(parameterStep(Leaves, 1)->Callee, "-");
  EXPECT_EQ(parameterStep(Leaves, 2), nullptr);
  // Leaving a context is not dropping a task.
  EXPECT_EQ(droppedParameter(Leaves, 0), nullptr);
}

} // namespace

namespace {

TEST(SummariesTest, JoinsRecordsRoundTripWithTheWait) {
  Summary E;
  E.Fact = SummaryFact::Joins;
  E.Key = "_ZN6joinerD1Ev";
  E.What = "'joiner'";
  E.Steps.push_back(
      {"'joiner::~joiner'", "'pthread_join'", "/src/joiner.cpp", 12, 13});
  std::string Text = formatSummaries("/src/joiner.cpp", {E});
  EXPECT_NE(Text.find("\njoins\t" + E.Key + "\t'joiner'\t-\t1\n"),
            std::string::npos)
      << Text;
  EXPECT_EQ(summaryFileName("/src/joiner.cpp", SummaryFact::Joins).substr(16),
            ".joins.summary");
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  const Summary &Joins = Parsed->Entries[0];
  EXPECT_EQ(Joins.Fact, SummaryFact::Joins);
  EXPECT_EQ(Joins.Key, E.Key);
  EXPECT_EQ(Joins.What, "'joiner'");
  EXPECT_EQ(Joins.Category, "-");
  ASSERT_EQ(Joins.Steps.size(), 1u);
  EXPECT_EQ(Joins.Steps[0].Callee, "'pthread_join'");
  EXPECT_EQ(Joins.Steps[0].Line, 12u);
  // A join is not a fact about parameters.
  EXPECT_EQ(parameterStep(Joins, 0), nullptr);
  EXPECT_EQ(droppedParameter(Joins, 0), nullptr);
}

} // namespace

namespace {

/// A chain of \p Key through \p Through, one step at \p Line of \p File.
Summary chain(SummaryFact Fact, std::string Key, std::string Through,
              std::string What, std::string File, unsigned Line) {
  return {Fact, std::move(Key), std::move(What), "-",
          {{"'" + Through + "'", "'" + Through + "'", std::move(File), Line, 3}},
          std::move(Through)};
}

TEST(SummariesTest, ChainsRoundTripAndResolveAcrossUnits) {
  // a.cpp's a() calls b() of b.cpp, whose b() calls flush_logs() of
  // log.cpp, which blocks; c() calls d(), which nothing summarises; e() and
  // f() call each other (a recursion across units leads nowhere).
  Summary A = chain(SummaryFact::Blocks, "_Z1av", "_Z1bv", "-", "/a.cpp", 4);
  Summary B =
      chain(SummaryFact::Blocks, "_Z1bv", "_Z10flush_logsv", "-", "/b.cpp", 7);
  std::string Text = formatSummaries("/a.cpp", {A});
  EXPECT_NE(Text.find("calls\t_Z1av\t_Z1bv\tblocks\t-\t1\n"), std::string::npos)
      << Text;
  llvm::Expected<ParsedSummaries> Parsed = parseSummaries(Text);
  ASSERT_TRUE(bool(Parsed)) << llvm::toString(Parsed.takeError());
  ASSERT_EQ(Parsed->Entries.size(), 1u);
  EXPECT_TRUE(Parsed->Skipped.empty());
  EXPECT_EQ(Parsed->Entries[0].Through, "_Z1bv");
  EXPECT_EQ(Parsed->Entries[0].Fact, SummaryFact::Blocks);
  EXPECT_EQ(Parsed->Entries[0].Steps.size(), 1u);

  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("chains", Dir));
  auto Write = [&](llvm::StringRef Unit, SummaryFact Fact,
                   std::vector<Summary> Entries) {
    ASSERT_FALSE(bool(writeSummaryFile(Dir, Unit, Fact,
                                       formatSummaries(Unit, Entries))));
  };
  Write("/a.cpp", SummaryFact::Blocks,
        {A, chain(SummaryFact::Blocks, "_Z1cv", "_Z1dv", "-", "/a.cpp", 9),
         chain(SummaryFact::Blocks, "_Z1ev", "_Z1fv", "-", "/a.cpp", 12)});
  Write("/b.cpp", SummaryFact::Blocks,
        {B, chain(SummaryFact::Blocks, "_Z1fv", "_Z1ev", "-", "/b.cpp", 2)});
  Write("/log.cpp", SummaryFact::Blocks, {flushLogs()});
  // A throws chain names its own coroutine; the record, the throw.
  Write("/r.cpp", SummaryFact::Throws,
        {chain(SummaryFact::Throws, "_Z6reloadv", "_Z4workv",
               "coroutine 'reload'", "/r.cpp", 3)});
  Write("/w.cpp", SummaryFact::Throws, {work()});
  std::string Warnings;
  llvm::raw_string_ostream WS(Warnings);
  SummaryIndex Index = SummaryIndex::read(Dir, WS);
  EXPECT_TRUE(Warnings.empty()) << Warnings;
  const Summary *ViaB = Index.find(SummaryFact::Blocks, "_Z1av");
  ASSERT_NE(ViaB, nullptr);
  EXPECT_EQ(ViaB->What, "'std::this_thread::sleep_for'");
  EXPECT_EQ(ViaB->Category, "sleep");
  ASSERT_EQ(ViaB->Steps.size(), 4u);
  EXPECT_EQ(ViaB->Steps[0].File, "/a.cpp");
  EXPECT_EQ(ViaB->Steps[1].File, "/b.cpp");
  EXPECT_EQ(ViaB->Steps[3].Callee, "'std::this_thread::sleep_for'");
  EXPECT_TRUE(ViaB->Through.empty());
  EXPECT_NE(Index.find(SummaryFact::Blocks, "_Z1bv"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Blocks, "_Z1cv"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Blocks, "_Z1ev"), nullptr);
  EXPECT_EQ(Index.find(SummaryFact::Blocks, "_Z1fv"), nullptr);
  // A chain of one fact is not joined with a record of another.
  EXPECT_EQ(Index.find(SummaryFact::Throws, "_Z1av"), nullptr);
  const Summary *Reload = Index.find(SummaryFact::Throws, "_Z6reloadv");
  ASSERT_NE(Reload, nullptr);
  EXPECT_EQ(Reload->What, "coroutine 'reload'");
  ASSERT_EQ(Reload->Steps.size(), 2u);
  EXPECT_EQ(Reload->Steps[1].Callee, "an exception is thrown here");
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
