//===--- Summaries.cpp - async-lint ---------------------------------------===//

#include "Summaries.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <mutex>
#include <optional>

namespace clang::tidy::async::model {

namespace {

constexpr llvm::StringLiteral SummaryExtension = ".summary";
/// More steps than any MaxCallDepth would allow: a corrupt count.
constexpr size_t MaxSteps = 64;
/// The record kind of a chain (Summary::Through).
constexpr llvm::StringLiteral ChainKind = "calls";

/// The fact whose record kind is \p Kind.
std::optional<SummaryFact> factOfKind(llvm::StringRef Kind) {
  for (unsigned F = 0; F < NumSummaryFacts; ++F)
    if (Kind == recordKind(SummaryFact(F)))
      return SummaryFact(F);
  return std::nullopt;
}

/// Fields are separated by tabs and records by newlines: a field holding
/// either cannot be written (such a function is left out of the summary).
bool isField(llvm::StringRef S) {
  return !S.empty() && S.find_first_of("\t\n\r") == llvm::StringRef::npos;
}

llvm::Error lineError(unsigned Line, const llvm::Twine &Message) {
  return llvm::createStringError("line " + llvm::Twine(Line) + ": " + Message);
}

/// A step record's fields (the first is "step"); none when malformed.
std::optional<SummaryStep> parseStep(llvm::ArrayRef<llvm::StringRef> Fields) {
  SummaryStep S;
  if (Fields.size() != 6 || Fields[4].getAsInteger(10, S.Line) ||
      Fields[5].getAsInteger(10, S.Column) || !S.Line || !S.Column ||
      !isField(Fields[1]) || !isField(Fields[2]) || !isField(Fields[3]))
    return std::nullopt;
  S.Caller = Fields[1].str();
  S.Callee = Fields[2].str();
  S.File = Fields[3].str();
  return S;
}

} // namespace

std::string summaryKey(const FunctionDecl &FD, ASTNameGenerator &Names) {
  // Constructors and destructors have several manglings (complete, base
  // object); getName picks the same one for a declaration in every unit.
  return Names.getName(&FD);
}

llvm::StringRef recordKind(SummaryFact Fact) {
  switch (Fact) {
  case SummaryFact::Blocks:
    return "blocks";
  case SummaryFact::Throws:
    return "throws";
  case SummaryFact::Spawns:
    return "spawns";
  case SummaryFact::Drops:
    return "drops";
  case SummaryFact::Detaches:
    return "detaches";
  case SummaryFact::Borrows:
    return "borrows";
  case SummaryFact::Leaves:
    return "leaves";
  case SummaryFact::Joins:
    return "joins";
  }
  llvm_unreachable("unknown summary fact");
}

const SummaryStep *parameterStep(const Summary &S, unsigned Index) {
  llvm::SmallVector<llvm::StringRef, 4> Indexes;
  llvm::StringRef(S.Category).split(Indexes, ',');
  if (Indexes.size() != S.Steps.size())
    return nullptr;
  for (size_t I = 0; I < Indexes.size(); ++I) {
    unsigned Named = 0;
    if (!Indexes[I].getAsInteger(10, Named) && Named == Index)
      return &S.Steps[I];
  }
  return nullptr;
}

std::string summaryFileName(llvm::StringRef MainFile, SummaryFact Fact) {
  llvm::SmallString<256> Path(MainFile);
  (void)llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return llvm::utohexstr(llvm::xxh3_64bits(Path), /*LowerCase=*/true,
                         /*Width=*/16) +
         "." + recordKind(Fact).str() + SummaryExtension.str();
}

std::string formatSummaries(llvm::StringRef MainFile,
                            llvm::ArrayRef<Summary> Entries) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << SummaryFormatHeader << "\n";
  OS << "unit\t" << MainFile << "\n";
  for (const Summary &E : Entries) {
    bool Writable = isField(E.Key) && isField(E.What) && isField(E.Category) &&
                    !E.Steps.empty() && E.Steps.size() <= MaxSteps;
    for (const SummaryStep &S : E.Steps)
      Writable = Writable && isField(S.Caller) && isField(S.Callee) &&
                 isField(S.File) && S.Line && S.Column;
    if (!Writable || (!E.Through.empty() && !isField(E.Through)))
      continue;
    // A chain: calls <key> <key of the callee> <fact> <what> <steps>.
    if (!E.Through.empty())
      OS << ChainKind << "\t" << E.Key << "\t" << E.Through << "\t"
         << recordKind(E.Fact) << "\t" << E.What << "\t" << E.Steps.size()
         << "\n";
    else
      OS << recordKind(E.Fact) << "\t" << E.Key << "\t" << E.What << "\t"
         << E.Category << "\t" << E.Steps.size() << "\n";
    for (const SummaryStep &S : E.Steps)
      OS << "step\t" << S.Caller << "\t" << S.Callee << "\t" << S.File << "\t"
         << S.Line << "\t" << S.Column << "\n";
  }
  return Text;
}

llvm::Expected<ParsedSummaries> parseSummaries(llvm::StringRef Text) {
  ParsedSummaries Parsed;
  std::vector<Summary> &Entries = Parsed.Entries;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (Lines.empty() || Lines[0].rtrim("\r") != SummaryFormatHeader)
    return lineError(1, "expected '" + SummaryFormatHeader + "'");
  // Steps still owed to the last record; whether that record is skipped
  // (an unknown kind, whose steps are skipped with it).
  size_t StepsOwed = 0;
  bool Skipping = false;
  for (size_t I = 1; I < Lines.size(); ++I) {
    unsigned LineNo = unsigned(I + 1);
    llvm::StringRef Line = Lines[I].rtrim("\r");
    if (Line.empty())
      continue;
    llvm::SmallVector<llvm::StringRef, 6> Fields;
    Line.split(Fields, '\t');
    llvm::StringRef Kind = Fields[0];
    if (Kind == "unit" && Fields.size() == 2 && I == 1)
      continue;
    if (Kind == "step") {
      if (Skipping)
        continue;
      if (!StepsOwed)
        return lineError(LineNo, "a step outside a record");
      std::optional<SummaryStep> S = parseStep(Fields);
      if (!S)
        return lineError(LineNo, "malformed step record");
      Entries.back().Steps.push_back(std::move(*S));
      --StepsOwed;
      continue;
    }
    if (StepsOwed)
      return lineError(LineNo, "the previous record lacks steps");
    bool Chain = Kind == ChainKind && Fields.size() == 6;
    std::optional<SummaryFact> Fact = factOfKind(Chain ? Fields[3] : Kind);
    Skipping = !Fact;
    if (!Fact) {
      Parsed.Skipped.push_back("line " + std::to_string(LineNo) +
                               ": unknown record '" + Kind.str() + "'");
      continue;
    }
    if (Chain) // The same fields as a record, with the key it goes through.
      Fields.erase(Fields.begin() + 3);
    if (Fields.size() != 5 || Fields[4].getAsInteger(10, StepsOwed) ||
        StepsOwed == 0 || StepsOwed > MaxSteps || !isField(Fields[1]) ||
        !isField(Fields[2]) || !isField(Fields[3]))
      return lineError(LineNo, "malformed " + Kind + " record");
    if (Chain)
      Entries.push_back(
          {*Fact, Fields[1].str(), Fields[3].str(), "-", {}, Fields[2].str()});
    else
      Entries.push_back(
          {*Fact, Fields[1].str(), Fields[2].str(), Fields[3].str(), {}, {}});
  }
  if (StepsOwed)
    return lineError(unsigned(Lines.size()), "the last record lacks steps");
  return Parsed;
}

llvm::Error writeSummaryFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                             SummaryFact Fact, llvm::StringRef Text) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create '" + Dir +
                                           "': " + EC.message());
  llvm::SmallString<256> Final(Dir);
  llvm::sys::path::append(Final, summaryFileName(MainFile, Fact));
  // A temporary file beside the final one (same file system, so that the
  // rename is atomic); readers skip it by its extension.
  int FD = -1;
  llvm::SmallString<256> Temporary;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Final + ".%%%%%%.tmp", FD, Temporary))
    return llvm::createStringError(EC, "cannot write in '" + Dir +
                                           "': " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(Temporary);
      return llvm::createStringError(EC, "cannot write '" + Temporary +
                                             "': " + EC.message());
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temporary, Final)) {
    llvm::sys::fs::remove(Temporary);
    return llvm::createStringError(EC, "cannot write '" + Final +
                                           "': " + EC.message());
  }
  return llvm::Error::success();
}

namespace {

/// The summary files of \p Dir, sorted (so that the index and the digest do
/// not depend on the directory's order).
std::vector<std::string> summaryFiles(llvm::StringRef Dir) {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(SummaryExtension))
      Files.push_back(It->path());
  llvm::sort(Files);
  return Files;
}

} // namespace

SummaryIndex SummaryIndex::read(llvm::StringRef Dir,
                                llvm::raw_ostream &Warnings) {
  SummaryIndex Index;
  if (!llvm::sys::fs::is_directory(Dir)) {
    llvm::WithColor::warning(Warnings, "async-lint")
        << "summary directory '" << Dir << "' does not exist; no summaries\n";
    return Index;
  }
  for (const std::string &File : summaryFiles(Dir)) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      llvm::WithColor::warning(Warnings, "async-lint")
          << "ignoring summary file '" << File
          << "': " << Buffer.getError().message() << "\n";
      continue;
    }
    llvm::Expected<ParsedSummaries> Parsed =
        parseSummaries((*Buffer)->getBuffer());
    if (!Parsed) {
      llvm::WithColor::warning(Warnings, "async-lint")
          << "ignoring malformed summary file '" << File
          << "': " << llvm::toString(Parsed.takeError()) << "\n";
      continue;
    }
    for (const std::string &Skipped : Parsed->Skipped)
      llvm::WithColor::warning(Warnings, "async-lint")
          << "skipping a record of summary file '" << File << "': " << Skipped
          << "\n";
    // A function defined in two units (an ODR violation, or two programs
    // sharing a directory): the first file's, in sorted order, is kept.
    for (Summary &E : Parsed->Entries)
      if (E.Through.empty())
        Index.Entries[unsigned(E.Fact)].try_emplace(E.Key, std::move(E));
      else
        Index.Chains[unsigned(E.Fact)][E.Key].push_back(std::move(E));
  }
  Index.resolveChains();
  return Index;
}

void SummaryIndex::resolveChains() {
  for (unsigned F = 0; F < NumSummaryFacts; ++F) {
    std::vector<std::string> Keys;
    for (const auto &Entry : Chains[F])
      Keys.push_back(Entry.getKey().str());
    llvm::sort(Keys);
    for (const std::string &Key : Keys) {
      llvm::StringSet<> Visiting;
      resolve(SummaryFact(F), Key, Visiting);
    }
  }
}

const Summary *SummaryIndex::resolve(SummaryFact Fact, llvm::StringRef Key,
                                     llvm::StringSet<> &Visiting) {
  if (const Summary *Found = find(Fact, Key))
    return Found;
  auto Chain = Chains[unsigned(Fact)].find(Key);
  // A recursion across units leads nowhere.
  if (Chain == Chains[unsigned(Fact)].end() ||
      Dead[unsigned(Fact)].contains(Key) || !Visiting.insert(Key).second)
    return nullptr;
  std::optional<Summary> Best;
  for (const Summary &Link : Chain->second) {
    const Summary *Next = resolve(Fact, Link.Through, Visiting);
    if (!Next || Link.Steps.size() + Next->Steps.size() > MaxSteps ||
        (Best && Best->Steps.size() <= Link.Steps.size() + Next->Steps.size()))
      continue;
    // A chain names what it is itself, or else ("-") what the record names.
    Best = Summary{
        Fact,           Key.str(),  Link.What == "-" ? Next->What : Link.What,
        Next->Category, Link.Steps, {}};
    llvm::append_range(Best->Steps, Next->Steps);
  }
  Visiting.erase(Key);
  if (!Best) {
    // Not asked again (a chain that leads nowhere through a recursion
    // still in progress is given up too: recursion is not followed).
    Dead[unsigned(Fact)].insert(Key);
    return nullptr;
  }
  return &Entries[unsigned(Fact)]
              .try_emplace(Key, std::move(*Best))
              .first->second;
}

const Summary *SummaryIndex::find(SummaryFact Fact, llvm::StringRef Key) const {
  const llvm::StringMap<Summary> &OfFact = Entries[unsigned(Fact)];
  auto It = OfFact.find(Key);
  return It == OfFact.end() ? nullptr : &It->second;
}

size_t SummaryIndex::size() const {
  size_t N = 0;
  for (const llvm::StringMap<Summary> &OfFact : Entries)
    N += OfFact.size();
  return N;
}

std::vector<std::string> SummaryUses::keys() const {
  std::vector<std::string> Sorted;
  for (const auto &Entry : Keys)
    Sorted.push_back(Entry.getKey().str());
  llvm::sort(Sorted);
  return Sorted;
}

const Summary *lookupSummary(const SummaryIndex *Index, SummaryFact Fact,
                             llvm::StringRef Key, SummaryUses *Uses) {
  if (Key.empty())
    return nullptr;
  if (Uses)
    Uses->ask(Key);
  return Index ? Index->find(Fact, Key) : nullptr;
}

namespace {

/// The first line of a uses file; the number changes with the format.
constexpr llvm::StringLiteral UsesFormatHeader = "async-lint-uses 1";
constexpr llvm::StringLiteral UsesExtension = ".uses";

} // namespace

std::string usesFileName(llvm::StringRef MainFile, SummaryFact Fact,
                         llvm::StringRef Tag) {
  std::string Name = summaryFileName(MainFile, Fact);
  Name = Name.substr(0, Name.size() - SummaryExtension.size()) +
         UsesExtension.str();
  // <hash>.<fact>.uses: the tag goes after the hash.
  if (!Tag.empty())
    Name.insert(Name.find('.') + 1, Tag.str() + ".");
  return Name;
}

std::string formatUses(const SummaryUses &Uses) {
  std::string Text = UsesFormatHeader.str() + "\n";
  for (const std::string &Key : Uses.keys())
    if (isField(Key))
      Text += Key + "\n";
  return Text;
}

llvm::Expected<std::vector<std::string>> parseUses(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  if (Lines.empty() || Lines[0].rtrim("\r") != UsesFormatHeader)
    return lineError(1, "expected '" + UsesFormatHeader + "'");
  std::vector<std::string> Keys;
  for (size_t I = 1; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].rtrim("\r");
    if (Line.empty())
      continue;
    if (!isField(Line))
      return lineError(unsigned(I + 1), "malformed key");
    Keys.push_back(Line.str());
  }
  return Keys;
}

llvm::Error writeUsesFile(llvm::StringRef Dir, llvm::StringRef MainFile,
                          SummaryFact Fact, const SummaryUses &Uses,
                          llvm::StringRef Tag) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create '" + Dir +
                                           "': " + EC.message());
  llvm::SmallString<256> Final(Dir);
  llvm::sys::path::append(Final, usesFileName(MainFile, Fact, Tag));
  // writeToOutput writes a temporary file beside Final and renames it.
  return llvm::writeToOutput(Final, [&](llvm::raw_ostream &OS) {
    OS << formatUses(Uses);
    return llvm::Error::success();
  });
}

std::shared_ptr<const SummaryIndex> SummaryIndexes::of(llvm::StringRef Dir) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::shared_ptr<const SummaryIndex> &Slot = Read[Dir];
  if (!Slot)
    Slot = std::make_shared<const SummaryIndex>(
        SummaryIndex::read(Dir, llvm::errs()));
  return Slot;
}

std::string summaryDirectoryDigest(llvm::StringRef Dir) {
  std::string Text;
  for (const std::string &File : summaryFiles(Dir)) {
    Text += File + "\n";
    if (auto Buffer = llvm::MemoryBuffer::getFile(File))
      Text += llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()));
    Text += "\n";
  }
  return llvm::utohexstr(llvm::xxh3_64bits(Text), /*LowerCase=*/true, 16);
}

} // namespace clang::tidy::async::model
