//===--- DiffFilter.cpp - async-lint --------------------------------------===//

#include "DiffFilter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace async_lint {

namespace {

/// Runs a git command in the current directory; its standard output.
llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args) {
  llvm::ErrorOr<std::string> Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return llvm::createStringError("--diff needs git on PATH");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("async-lint-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("async-lint-git", "err", Err);
  std::vector<llvm::StringRef> Argv{*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(Out), llvm::StringRef(Err)};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Read = [](llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  };
  std::string Output = Read(Out), Errors = Read(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Status != 0)
    return llvm::createStringError(
        "git " + llvm::join(Args, " ") +
        " failed: " + llvm::StringRef(Errors).split('\n').first);
  return Output;
}

} // namespace

ChangedLines ChangedLines::parse(llvm::StringRef Diff, llvm::StringRef Root) {
  ChangedLines Result;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 256> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Line = Line.split('\t').first.rtrim();
      if (Line == "/dev/null") {
        Current.clear();
        continue;
      }
      if (Line.starts_with("b/"))
        Line = Line.drop_front(2);
      llvm::SmallString<256> Path(Line);
      if (llvm::sys::path::is_relative(Path)) {
        Path = Root;
        llvm::sys::path::append(Path, Line);
      }
      llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      Current = std::string(Path);
      Result.Ranges[Current];
      continue;
    }
    if (Current.empty() || !Line.consume_front("@@ "))
      continue;
    // @@ -a[,b] +c[,d] @@
    llvm::StringRef Added = Line.split(' ').second.split(' ').first;
    if (!Added.consume_front("+"))
      continue;
    auto [StartText, CountText] = Added.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count > 0)
      Result.Ranges[Current].push_back({Start, Start + Count - 1});
  }
  return Result;
}

llvm::Expected<ChangedLines> ChangedLines::fromGit(llvm::StringRef Rev) {
  llvm::Expected<std::string> Top = git({"rev-parse", "--show-toplevel"});
  if (!Top)
    return Top.takeError();
  llvm::Expected<std::string> Diff =
      git({"diff", "-U0", "--no-color", "--no-ext-diff", Rev, "--"});
  if (!Diff)
    return Diff.takeError();
  return parse(*Diff, llvm::StringRef(*Top).trim());
}

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Ranges.find(File);
  if (It == Ranges.end())
    return false;
  for (const auto &[First, Last] : It->second)
    if (Line >= First && Line <= Last)
      return true;
  return false;
}

std::vector<std::string> ChangedLines::files() const {
  std::vector<std::string> Files;
  for (const auto &Entry : Ranges)
    if (!Entry.second.empty() && llvm::sys::fs::is_regular_file(Entry.first()))
      Files.push_back(Entry.first().str());
  llvm::sort(Files);
  return Files;
}

std::string ChangedLines::str() const {
  std::string Out;
  for (const auto &Entry : Ranges) {
    Out += "+++ " + Entry.first().str() + "\n";
    for (const auto &[First, Last] : Entry.second)
      Out += "@@ -0,0 +" + std::to_string(First) + "," +
             std::to_string(Last - First + 1) + " @@\n";
  }
  return Out;
}

} // namespace async_lint
