//===--- SummaryFlow.cpp - async-lint -------------------------------------===//

#include "SummaryFlow.h"
#include "Model/Summaries.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <optional>

namespace model = clang::tidy::async::model;

namespace async_lint {

namespace {

/// What every file \p Unit writes into a summary directory starts with: the
/// hash of its path and a dot (each check's `<hash>.<fact>.summary` and
/// `<hash>.<fact>.uses`).
std::string unitPrefix(llvm::StringRef Unit) {
  std::string Name = model::summaryFileName(Unit, model::SummaryFact::Blocks);
  return Name.substr(0, Name.find('.') + 1);
}

/// The names of \p Unit's files in \p Dir, sorted; the writers' temporary
/// files (`*.tmp`, `*.temp-stream-*`) are not among them.
std::vector<std::string> unitFileNames(llvm::StringRef Dir,
                                       llvm::StringRef Unit) {
  std::string Prefix = unitPrefix(Unit);
  std::vector<std::string> Names;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name.starts_with(Prefix) &&
        (Name.ends_with(".summary") || Name.ends_with(".uses")))
      Names.push_back(Name.str());
  }
  llvm::sort(Names);
  return Names;
}

/// True when \p Dir holds a summary file.
bool hasSummaryFile(llvm::StringRef Dir) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".summary"))
      return true;
  return false;
}

std::string pathIn(llvm::StringRef Dir, llvm::StringRef Name) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(Path, Name);
  return std::string(Path);
}

std::string absolute(llvm::StringRef Dir) {
  llvm::SmallString<256> Path(Dir);
  (void)llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// A key a unit asked for, and of which fact (the check that asked).
using AskedKey = std::pair<unsigned, std::string>;

/// The keys \p Unit asked for, from its checks' uses files in \p Dir
/// (`<hash>.<fact>.uses`); none when it wrote none (it judged no call into
/// another unit) or they cannot be read.
std::vector<AskedKey> askedKeys(llvm::StringRef Dir, llvm::StringRef Unit) {
  std::vector<AskedKey> All;
  for (const std::string &Name : unitFileNames(Dir, Unit)) {
    llvm::StringRef Base = Name;
    if (!Base.consume_back(".uses"))
      continue;
    llvm::StringRef Kind = Base.rsplit('.').second;
    std::optional<unsigned> Fact;
    for (unsigned F = 0; F < model::NumSummaryFacts; ++F)
      if (model::recordKind(model::SummaryFact(F)) == Kind)
        Fact = F;
    auto Buffer = llvm::MemoryBuffer::getFile(pathIn(Dir, Name));
    if (!Fact || !Buffer)
      continue;
    llvm::Expected<std::vector<std::string>> Keys =
        model::parseUses((*Buffer)->getBuffer());
    if (!Keys) {
      llvm::consumeError(Keys.takeError());
      continue;
    }
    for (std::string &Key : *Keys)
      All.emplace_back(*Fact, std::move(Key));
  }
  llvm::sort(All);
  return All;
}

/// The digest of the records that answer \p Keys in \p Index, each of the
/// fact it was asked of (a check asks only for its own fact); empty when
/// none does (then the unit's first result is final).
std::string answeredDigest(const model::SummaryIndex &Index,
                           llvm::ArrayRef<AskedKey> Keys) {
  std::string Text;
  for (const auto &[Fact, Key] : Keys)
    if (const model::Summary *Found = Index.find(model::SummaryFact(Fact), Key))
      Text += Key + "\n" + model::formatSummaries("", *Found);
  if (Text.empty())
    return {};
  return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true, 16);
}

RunResult analyse(const CommandLine &CL, const Configuration &Config,
                  const Inputs &In) {
  return runsInWorkers(CL, In) ? analyseInWorkers(CL, Config, In)
                               : analyseInProcess(CL, Config, In);
}

/// Prints "<what>: N files (a, b)" on stderr.
void listFiles(llvm::StringRef What, llvm::ArrayRef<std::string> Files) {
  if (Files.empty()) {
    llvm::errs() << What << ": no file\n";
    return;
  }
  llvm::errs() << What << ": " << Files.size()
               << (Files.size() == 1 ? " file (" : " files (")
               << llvm::join(Files, ", ") << ")\n";
}

} // namespace

std::vector<std::pair<std::string, std::string>>
unitSummaryFiles(llvm::StringRef Dir, llvm::StringRef Unit) {
  std::vector<std::pair<std::string, std::string>> Files;
  for (const std::string &Name : unitFileNames(Dir, Unit))
    if (auto Buffer = llvm::MemoryBuffer::getFile(pathIn(Dir, Name)))
      Files.emplace_back(Name, (*Buffer)->getBuffer().str());
  return Files;
}

UnitFileIds unitSummaryFileIds(llvm::StringRef Dir, llvm::StringRef Unit) {
  UnitFileIds Ids;
  for (const std::string &Name : unitFileNames(Dir, Unit)) {
    llvm::sys::fs::UniqueID Id;
    if (!llvm::sys::fs::getUniqueID(pathIn(Dir, Name), Id))
      Ids.emplace_back(Name, Id);
  }
  return Ids;
}

void removeStaleSummaryFiles(llvm::StringRef Dir, const UnitFileIds &Before) {
  for (const auto &Entry : Before) {
    std::string Path = pathIn(Dir, Entry.first);
    llvm::sys::fs::UniqueID Now;
    if (!llvm::sys::fs::getUniqueID(Path, Now) && Now == Entry.second)
      llvm::sys::fs::remove(Path);
  }
}

void restoreUnitSummaryFiles(
    llvm::StringRef Dir, llvm::StringRef Unit,
    llvm::ArrayRef<std::pair<std::string, std::string>> Files) {
  std::string Prefix = unitPrefix(Unit);
  llvm::StringSet<> Kept;
  (void)llvm::sys::fs::create_directories(Dir);
  for (const auto &File : Files) {
    const std::string &Name = File.first, &Text = File.second;
    // A stored name is the unit's own, never a path.
    if (!llvm::StringRef(Name).starts_with(Prefix) ||
        llvm::sys::path::filename(Name) != Name)
      continue;
    Kept.insert(Name);
    std::string Path = pathIn(Dir, Name);
    auto Old = llvm::MemoryBuffer::getFile(Path);
    if (Old && (*Old)->getBuffer() == Text)
      continue;
    if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
          OS << Text;
          return llvm::Error::success();
        }))
      llvm::WithColor::warning(llvm::errs(), "async-lint")
          << "cannot write '" << Path << "': " << llvm::toString(std::move(E))
          << "\n";
  }
  for (const std::string &Name : unitFileNames(Dir, Unit))
    if (!Kept.contains(Name))
      llvm::sys::fs::remove(pathIn(Dir, Name));
}

namespace {

/// The second pass of --summaries: the units of \p Result that asked for a
/// key some summary of \p Dir answers are analysed again, reading the
/// summaries; their new results replace the first ones in \p Result.
llvm::Error recheckWithSummaries(CommandLine &CL, Inputs &In,
                                 llvm::StringRef Dir, RunResult &Result) {
  // The second pass: the units that asked for a key some summary answers.
  // The directory is complete now; it is read once, here, and by the
  // second pass's units (whose warnings about bad files are theirs).
  model::SummaryIndex Index = model::SummaryIndex::read(Dir, llvm::nulls());
  std::vector<std::string> Second;
  std::vector<size_t> SecondIndex;
  llvm::StringMap<std::string> Digests;
  for (size_t I = 0; I < Result.Units.size(); ++I) {
    const UnitResult &U = Result.Units[I];
    if (U.Failed)
      continue;
    std::string Digest = answeredDigest(Index, askedKeys(Dir, In.Units[I]));
    if (Digest.empty())
      continue;
    Digests[In.Units[I]] = Digest;
    Second.push_back(In.Units[I]);
    SecondIndex.push_back(I);
  }
  if (Second.empty())
    return llvm::Error::success();
  llvm::Expected<Configuration> Reading = Configuration::load(CL);
  if (!Reading)
    return Reading.takeError();
  std::swap(In.Units, Second);
  In.SummaryDigests = std::move(Digests);
  RunResult Again = analyse(CL, *Reading, In);
  std::swap(In.Units, Second);
  std::vector<std::string> Rechecked;
  for (size_t K = 0; K < Again.Units.size(); ++K) {
    if (!Again.Units[K].Replayed)
      Rechecked.push_back(Again.Units[K].File);
    Result.Units[SecondIndex[K]] = std::move(Again.Units[K]);
  }
  if (!CL.Quiet)
    listFiles("re-checked with the summaries", Rechecked);
  Result.Seconds += Again.Seconds;
  return llvm::Error::success();
}

} // namespace

llvm::Expected<RunResult> analyseWithSummaries(CommandLine &CL, Inputs &In,
                                               bool SummarizeOnly) {
  std::string Dir = absolute(CL.Summaries);
  // A shard writes the summaries of its own units only: the other shards'
  // must be in the directory before it reads, written by `async-lint
  // summarize --shard=K/N` on every shard first. A directory with no summary
  // at all means that step was left out; reading whatever the other shards
  // happen to have written by then would make the results depend on timing.
  if (CL.Shard && !SummarizeOnly && !hasSummaryFile(Dir))
    return llvm::createStringError(
        "--summaries with --shard reads the other shards' summaries: run "
        "'async-lint summarize --shard=K/N --summaries=" +
        CL.Summaries + "' on every shard first (docs/summaries.md)");
  // The first pass: every check, every unit, writing and reading nothing.
  CL.SummaryOutput = Dir;
  llvm::Expected<Configuration> Writing = Configuration::load(CL);
  if (!Writing) {
    CL.SummaryOutput = std::string();
    return Writing.takeError();
  }
  if (!CL.Quiet)
    llvm::errs() << "writing the summaries of " << In.Units.size()
                 << (In.Units.size() == 1 ? " file" : " files") << " into '"
                 << CL.Summaries << "'\n";
  RunResult Result = analyse(CL, *Writing, In);
  CL.SummaryOutput = std::string();
  std::vector<std::string> Replayed, Fresh;
  for (const UnitResult &U : Result.Units)
    (U.Replayed ? Replayed : Fresh).push_back(U.File);
  if (!CL.Quiet && !Replayed.empty())
    listFiles("analysed afresh", Fresh);
  if (SummarizeOnly)
    return Result;

  if (llvm::Error Err = recheckWithSummaries(CL, In, Dir, Result))
    return std::move(Err);
  return Result;
}

} // namespace async_lint
