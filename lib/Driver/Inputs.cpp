//===--- Inputs.cpp - async-lint ------------------------------------------===//

#include "Inputs.h"
#include "Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"

namespace async_lint {

namespace {

/// Builds the units from the paths, one path at a time.
class Resolver {
public:
  Resolver(const CommandLine &CL, Configuration &Config, Inputs &In)
      : CL(CL), Config(Config), In(In) {}

  llvm::Error addPath(llvm::StringRef Path);

private:
  llvm::Error addUnit(llvm::StringRef File);
  llvm::Error addHeader(llvm::StringRef Path, llvm::StringRef Header);

  const CommandLine &CL;
  Configuration &Config;
  Inputs &In;
};

llvm::Error Resolver::addPath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  if (std::error_code EC = llvm::sys::fs::make_absolute(Absolute))
    return llvm::createStringError("cannot resolve '" + Path +
                                   "': " + EC.message());
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  if (!llvm::sys::fs::exists(Absolute))
    return llvm::createStringError("no such file: '" + Path + "'");
  if (llvm::sys::fs::is_directory(Absolute)) {
    // Every unit of the directory's compile database below it.
    llvm::Expected<std::vector<std::string>> Units =
        In.Compilations->unitsUnder(Absolute);
    if (!Units)
      return Units.takeError();
    for (const std::string &Unit : *Units) {
      In.Requested.insert(Unit);
      if (llvm::Error E = addUnit(Unit))
        return E;
    }
    return llvm::Error::success();
  }
  if (!llvm::sys::fs::is_regular_file(Absolute))
    return llvm::createStringError("not a regular file: '" + Path + "'");
  In.Requested.insert(Absolute);
  if (isHeader(Absolute))
    return addHeader(Path, Absolute);
  return addUnit(Absolute);
}

/// A header is analysed through a unit of its database that includes it.
llvm::Error Resolver::addHeader(llvm::StringRef Path, llvm::StringRef Header) {
  std::string Unit = In.Compilations->unitIncluding(Header);
  if (Unit.empty()) {
    if (!CL.Quiet)
      llvm::WithColor::note(llvm::errs(), "async-lint")
          << "skipped '" << Path
          << "': no translation unit of the compile database includes it\n";
    return llvm::Error::success();
  }
  In.HeadersRequested = true;
  if (!CL.Quiet)
    llvm::WithColor::note(llvm::errs(), "async-lint")
        << "analysing '" << Path << "' through '" << Unit << "'\n";
  return addUnit(Unit);
}

llvm::Error Resolver::addUnit(llvm::StringRef File) {
  if (llvm::is_contained(In.Units, File))
    return llvm::Error::success();
  if (llvm::Error E = Config.checkFilesAbove(File))
    return E;
  std::string Warning;
  if (llvm::Error E = In.Compilations->addFile(File, Warning))
    return E;
  if (!Warning.empty() && !CL.Quiet)
    llvm::WithColor::warning(llvm::errs(), "async-lint") << Warning << "\n";
  In.Units.push_back(File.str());
  return llvm::Error::success();
}

/// The paths to resolve: the command line's, or the changed C and C++ files,
/// or the current directory.
std::vector<std::string>
pathsToResolve(const CommandLine &CL,
               const std::optional<ChangedLines> &Changed) {
  std::vector<std::string> Paths(CL.Paths.begin(), CL.Paths.end());
  if (!Paths.empty())
    return Paths;
  if (!Changed)
    return {"."};
  for (const std::string &File : Changed->files())
    if (isHeader(File) || isSource(File))
      Paths.push_back(File);
  if (Paths.empty() && !CL.Quiet)
    llvm::errs() << "no changed C++ file to analyse\n";
  return Paths;
}

/// Keeps the units of shard K of N: by a hash of the path relative to the
/// source root, so that a file stays in its shard when others are added.
void keepShard(const CommandLine &CL, std::vector<std::string> &Units) {
  ShardSlot Slot = *CL.Shard;
  std::string Root = CL.sourceRoot();
  std::vector<std::string> Mine;
  for (const std::string &File : Units) {
    llvm::StringRef Rel = File;
    if (Rel.consume_front(Root))
      Rel.consume_front("/");
    if (llvm::xxh3_64bits(Rel) % Slot.N == Slot.K - 1)
      Mine.push_back(File);
  }
  if (!CL.Quiet)
    llvm::errs() << "shard " << Slot.K << "/" << Slot.N << ": " << Mine.size()
                 << " of " << Units.size() << " files\n";
  Units = std::move(Mine);
}

} // namespace

std::string Inputs::headerRegex() const {
  if (!HeadersRequested)
    return {};
  // clang-tidy matches the header filter against the names its source
  // manager uses, which may be relative: by file name here, and by full
  // path when the findings are filtered.
  std::string Regex;
  for (const auto &Entry : Requested)
    Regex += (Regex.empty() ? "(^|/)(" : "|") +
             llvm::Regex::escape(llvm::sys::path::filename(Entry.first()));
  return Regex + ")$";
}

llvm::Expected<Inputs>
resolveInputs(const CommandLine &CL, Configuration &Config,
              const std::optional<ChangedLines> &Changed) {
  DatabaseSettings Settings;
  Settings.BuildPath = CL.BuildPath;
  Settings.FixedArgs = CL.FixedArgs;
  Settings.ResourceDir = ASYNC_LINT_RESOURCE_DIR;
  Inputs In;
  In.Compilations = std::make_unique<PerFileCompilations>(std::move(Settings));
  Resolver Resolve(CL, Config, In);
  for (const std::string &Path : pathsToResolve(CL, Changed))
    if (llvm::Error E = Resolve.addPath(Path))
      return std::move(E);
  if (CL.Shard)
    keepShard(CL, In.Units);
  return std::move(In);
}

} // namespace async_lint
