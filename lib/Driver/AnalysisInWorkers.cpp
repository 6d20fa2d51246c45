//===--- AnalysisInWorkers.cpp - async-lint -------------------------------===//
//
// Units analysed in worker processes, and the result cache in front of them.
// A worker is started with the worker table's arguments (CommandLine.h) and
// its unit's result is cached under a key made of the same arguments, so the
// two cannot disagree about what decides a unit's results.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Cache.h"
#include "Driver.h"
#include "Workers.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/WithColor.h"
#include <thread>

namespace async_lint {

namespace {

/// Fixes are applied to the files as this process analysed them, and a
/// header named on the command line changes its units' header filter: both
/// are analysed here, afresh.
bool needsThisProcess(const CommandLine &CL, const Inputs &In) {
  return CL.Fix || CL.ExportFixes.getNumOccurrences() || In.HeadersRequested;
}

/// The cache's directory; empty when results are not cached.
std::string cacheDirectory(const CommandLine &CL, const Inputs &In) {
  if (CL.NoCache || needsThisProcess(CL, In))
    return {};
  if (CL.CacheDir.getNumOccurrences())
    return CL.CacheDir;
  return ResultCache::defaultDirectory();
}

unsigned jobs(const CommandLine &CL) {
  return CL.Jobs ? CL.Jobs : std::max(1u, std::thread::hardware_concurrency());
}

WorkerCommand workerCommand(const CommandLine &CL) {
  WorkerCommand Command;
  Command.Program = llvm::sys::fs::getMainExecutable(
      CL.Argv0.c_str(), reinterpret_cast<void *>(&runDriver));
  Command.Args = CL.workerArguments();
  Command.Args.push_back("--quiet");
  if (CL.FixedArgs) {
    Command.Tail.push_back("--");
    llvm::append_range(Command.Tail, *CL.FixedArgs);
  }
  return Command;
}

/// The cache key of \p File: the worker's command, the program's build
/// (a rebuilt async-lint may judge differently at the same version), the
/// unit's compile command and its configuration files.
std::string unitKey(const WorkerCommand &Command, llvm::StringRef File,
                    const Configuration &Config, const Inputs &In) {
  std::vector<std::string> Key = Command.Args;
  llvm::append_range(Key, Command.Tail);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Command.Program, Status))
    Key.push_back(
        "binary " + std::to_string(Status.getSize()) + " " +
        std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())));
  for (const clang::tooling::CompileCommand &C :
       In.Compilations->getCompileCommands(File)) {
    Key.push_back("directory " + C.Directory);
    llvm::append_range(Key, C.CommandLine);
  }
  return ResultCache::unitKey(File, Key, Config.cacheContext(File));
}

/// Compiler chatter that is noise once a worker's findings are collected.
bool isWorkerNoise(llvm::StringRef Line) {
  return Line.trim().empty() || Line.ends_with(" generated.") ||
         Line.starts_with("Error while processing ");
}

/// A worker's unit result; its log goes to stderr, without the noise.
UnitResult fromWorker(const WorkerResult &R) {
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  llvm::StringRef(R.Log).split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (!isWorkerNoise(Line))
      llvm::errs() << Line << "\n";
  UnitResult Unit;
  if (R.Crashed) {
    llvm::WithColor::error(llvm::errs(), "async-lint")
        << "analysing '" << R.File
        << "' crashed; the other files' results are complete\n";
  } else if (R.ExitCode == ExitClean && fromJson(R.Output, Unit)) {
    return Unit;
  } else {
    llvm::WithColor::error(llvm::errs(), "async-lint")
        << "lost the results of '" << R.File << "'\n";
  }
  Unit = UnitResult();
  Unit.File = R.File;
  Unit.Failed = true;
  return Unit;
}

} // namespace

bool runsInWorkers(const CommandLine &CL, const Inputs &In) {
  if (CL.isWorker() || needsThisProcess(CL, In))
    return false;
  return (jobs(CL) > 1 && In.Units.size() > 1) ||
         !cacheDirectory(CL, In).empty();
}

RunResult analyseInWorkers(const CommandLine &CL, const Configuration &Config,
                           const Inputs &In) {
  RunResult Result;
  auto Begin = std::chrono::steady_clock::now();
  WorkerCommand Command = workerCommand(CL);
  ResultCache Cache(cacheDirectory(CL, In));
  Result.Units.resize(In.Units.size());
  std::vector<std::string> Keys(In.Units.size()), Misses;
  std::vector<size_t> MissIndex;
  for (size_t I = 0; I < In.Units.size(); ++I) {
    if (Cache.enabled()) {
      Keys[I] = unitKey(Command, In.Units[I], Config, In);
      std::optional<std::string> Hit = Cache.lookup(Keys[I]);
      if (Hit && fromJson(*Hit, Result.Units[I])) {
        Result.Units[I].File = In.Units[I];
        continue;
      }
      Result.Units[I] = UnitResult();
    }
    Misses.push_back(In.Units[I]);
    MissIndex.push_back(I);
  }
  std::vector<WorkerResult> Fresh = runWorkers(
      Command, Misses, jobs(CL), !CL.Quiet && llvm::errs().is_displayed());
  for (size_t I = 0; I < Fresh.size(); ++I) {
    UnitResult &Unit = Result.Units[MissIndex[I]] = fromWorker(Fresh[I]);
    if (Cache.enabled() && !Unit.Failed)
      Cache.store(Keys[MissIndex[I]], Fresh[I].Output, Unit.Dependencies);
  }
  if (Cache.enabled())
    Cache.prune(std::chrono::hours(24 * 30));
  size_t Cached = In.Units.size() - Misses.size();
  if (Cached && !CL.Quiet)
    llvm::errs() << Cached << (Cached == 1 ? " file" : " files")
                 << " unchanged since the last run: results replayed from "
                    "the cache\n";
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Begin)
          .count();
  return Result;
}

} // namespace async_lint
