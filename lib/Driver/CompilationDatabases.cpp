//===--- CompilationDatabases.cpp - async-lint ----------------------------===//

#include "CompilationDatabases.h"
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
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(File));
  while (!Dir.empty()) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, DatabaseName);
    if (llvm::sys::fs::exists(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return {};
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
  if ((*DB)->getCompileCommands(File).empty())
    return llvm::createStringError("no compile command for '" + File +
                                   "' in '" + JsonPath + "'");
  ByFile[File] = *DB;
  return llvm::Error::success();
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
