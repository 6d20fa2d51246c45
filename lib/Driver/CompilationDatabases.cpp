//===--- CompilationDatabases.cpp - async-lint ----------------------------===//

#include "CompilationDatabases.h"
#include "Paths.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tooling;

namespace async_lint {

namespace {

constexpr llvm::StringLiteral DatabaseName = "compile_commands.json";

/// A database that answers every file with the same arguments (those after
/// `--`, or the defaults when nothing describes the file).
std::unique_ptr<CompilationDatabase>
fixedDatabase(const std::vector<std::string> &Args) {
  return std::make_unique<FixedCompilationDatabase>(".", Args);
}

/// Walks up from \p File to the nearest compile_commands.json.
std::string findDatabaseAbove(llvm::StringRef File) {
  std::string Found;
  forEachAncestor(File, [&](llvm::StringRef Dir) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, DatabaseName);
    if (llvm::sys::fs::exists(Candidate))
      Found = std::string(Candidate);
    return Found.empty();
  });
  return Found;
}

bool hasResourceDir(const std::vector<std::string> &Args) {
  return llvm::any_of(
      Args, [](llvm::StringRef A) { return A.starts_with("-resource-dir"); });
}

} // namespace

llvm::Expected<CompilationDatabase *>
PerFileCompilations::loadDatabase(llvm::StringRef JsonPath) {
  auto It = Loaded.find(JsonPath);
  if (It != Loaded.end())
    return It->second.get();
  // clang's loader recovers from some malformed JSON and prints the parse
  // error itself; a database is checked strictly first.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(JsonPath);
  if (!Buffer)
    return llvm::createStringError("cannot read compilation database '" +
                                   JsonPath +
                                   "': " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return llvm::createStringError("cannot read compilation database '" +
                                   JsonPath +
                                   "': " + llvm::toString(Parsed.takeError()));
  if (!Parsed->getAsArray())
    return llvm::createStringError("cannot read compilation database '" +
                                   JsonPath + "': expected a JSON array");
  std::string Message;
  std::unique_ptr<CompilationDatabase> DB =
      JSONCompilationDatabase::loadFromFile(JsonPath, Message,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!DB) {
    // The JSON parser's messages span lines; keep the first.
    llvm::StringRef First = llvm::StringRef(Message).split('\n').first.trim();
    return llvm::createStringError("cannot read compilation database '" +
                                   JsonPath + "': " + First);
  }
  // Headers and new files get the flags of a similar file, as clangd does.
  DB = inferMissingCompileCommands(std::move(DB));
  CompilationDatabase *Raw = DB.get();
  Loaded[JsonPath] = std::move(DB);
  return Raw;
}

llvm::Error PerFileCompilations::addFile(llvm::StringRef File,
                                         std::string &Warning) {
  if (Settings.FixedArgs) {
    if (!Fixed)
      Fixed = fixedDatabase(*Settings.FixedArgs);
    ByFile[File] = Fixed.get();
    return llvm::Error::success();
  }
  std::string JsonPath;
  if (!Settings.BuildPath.empty()) {
    llvm::SmallString<256> Path(Settings.BuildPath);
    if (llvm::sys::fs::is_directory(Path))
      llvm::sys::path::append(Path, DatabaseName);
    if (!llvm::sys::fs::exists(Path))
      return llvm::createStringError("no compilation database at '" +
                                     Settings.BuildPath + "'");
    JsonPath = std::string(Path);
  } else {
    JsonPath = findDatabaseAbove(File);
  }
  if (JsonPath.empty()) {
    Warning = "no compile_commands.json found above '" + File.str() +
              "'; analysing it with '-std=c++20' (pass -p <build-dir> or "
              "compiler arguments after '--')";
    if (!Fixed)
      Fixed = fixedDatabase({"-std=c++20"});
    ByFile[File] = Fixed.get();
    return llvm::Error::success();
  }
  llvm::Expected<CompilationDatabase *> DB = loadDatabase(JsonPath);
  if (!DB)
    return DB.takeError();
  std::vector<CompileCommand> Commands = (*DB)->getCompileCommands(File);
  if (Commands.empty())
    return llvm::createStringError("no compile command for '" + File +
                                   "' in '" + JsonPath + "'");
  if (!Commands.front().Heuristic.empty())
    Warning = "'" + File.str() + "' is not in '" + JsonPath +
              "'; analysing it with the flags " + Commands.front().Heuristic;
  ByFile[File] = *DB;
  return llvm::Error::success();
}

std::string PerFileCompilations::databaseFor(llvm::StringRef Path,
                                             bool IsDirectory) {
  if (!Settings.BuildPath.empty()) {
    llvm::SmallString<256> Db(Settings.BuildPath);
    if (llvm::sys::fs::is_directory(Db))
      llvm::sys::path::append(Db, DatabaseName);
    return llvm::sys::fs::exists(Db) ? std::string(Db) : std::string();
  }
  llvm::SmallString<256> Probe(Path);
  if (IsDirectory)
    llvm::sys::path::append(Probe, "probe.cpp");
  std::string Found = findDatabaseAbove(Probe);
  if (!Found.empty() || !IsDirectory)
    return Found;
  llvm::SmallString<256> Build(Path);
  llvm::sys::path::append(Build, "build", DatabaseName);
  return llvm::sys::fs::exists(Build) ? std::string(Build) : std::string();
}

llvm::Expected<std::vector<std::string>>
PerFileCompilations::unitsUnder(llvm::StringRef Dir) {
  std::string JsonPath = databaseFor(Dir, /*IsDirectory=*/true);
  if (JsonPath.empty())
    return llvm::createStringError(
        "no compile_commands.json describes the directory '" + Dir +
        "' (pass -p <build-dir>)");
  llvm::Expected<CompilationDatabase *> DB = loadDatabase(JsonPath);
  if (!DB)
    return DB.takeError();
  std::vector<std::string> Units;
  for (const std::string &File : (*DB)->getAllFiles()) {
    llvm::StringRef Rest = File;
    if (Rest.consume_front(Dir) &&
        (Rest.starts_with("/") || Dir.ends_with("/")) &&
        llvm::sys::fs::is_regular_file(File))
      Units.push_back(File);
  }
  llvm::sort(Units);
  Units.erase(std::unique(Units.begin(), Units.end()), Units.end());
  if (Units.empty())
    return llvm::createStringError("no translation unit of '" + JsonPath +
                                   "' is under '" + Dir + "'");
  return Units;
}

std::string PerFileCompilations::unitIncluding(llvm::StringRef Header) {
  std::string JsonPath = databaseFor(Header, /*IsDirectory=*/false);
  if (JsonPath.empty())
    return {};
  llvm::Expected<CompilationDatabase *> DB = loadDatabase(JsonPath);
  if (!DB) {
    llvm::consumeError(DB.takeError());
    return {};
  }
  llvm::StringRef Name = llvm::sys::path::filename(Header);
  std::vector<std::string> Units = (*DB)->getAllFiles();
  llvm::sort(Units);
  for (const std::string &Unit : Units) {
    auto Buffer = llvm::MemoryBuffer::getFile(Unit);
    if (!Buffer)
      continue;
    llvm::SmallVector<llvm::StringRef, 64> Lines;
    (*Buffer)->getBuffer().split(Lines, '\n');
    for (llvm::StringRef Line : Lines) {
      Line = Line.trim();
      if (!Line.consume_front("#"))
        continue;
      Line = Line.ltrim();
      if (!Line.consume_front("include"))
        continue;
      Line = Line.trim();
      if (Line.size() < 2)
        continue;
      llvm::StringRef Included = Line.drop_front().take_until(
          [](char C) { return C == '"' || C == '>'; });
      if (llvm::sys::path::filename(Included) == Name)
        return Unit;
    }
  }
  return {};
}

std::vector<CompileCommand>
PerFileCompilations::getCompileCommands(llvm::StringRef File) const {
  auto It = ByFile.find(File);
  if (It == ByFile.end())
    return {};
  std::vector<CompileCommand> Commands = It->second->getCompileCommands(File);
  for (CompileCommand &Command : Commands) {
    std::vector<std::string> &Args = Command.CommandLine;
    // The fixed database ends its commands with '-- <file>'; clang-tidy
    // appends --extra-arg and ExtraArgs at the end, where they would be
    // taken for file names.
    if (Args.size() >= 2 && Args[Args.size() - 2] == "--")
      Args.erase(Args.end() - 2);
    if (!Settings.ResourceDir.empty() && !Args.empty() && !hasResourceDir(Args))
      Args.insert(Args.begin() + 1, "-resource-dir=" + Settings.ResourceDir);
  }
  return Commands;
}

} // namespace async_lint
