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
#include "Model/Summaries.h"
#include "SummaryFlow.h"
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

/// The cache's directory; empty when results are not cached (--stats
/// counts an analysis, which a replayed result did not make).
std::string cacheDirectory(const CommandLine &CL, const Inputs &In) {
  if (CL.NoCache || CL.Stats || needsThisProcess(CL, In))
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
                    const Configuration &Config, const Inputs &In,
                    llvm::StringRef SummariesDigest) {
  std::vector<std::string> Key = Command.Args;
  // The summaries a unit reads are not among the files it reads: the
  // records of the keys it asked for are in its key (a change to another
  // unit's summary re-checks the units that call what changed).
  if (!SummariesDigest.empty())
    Key.push_back("summaries " + SummariesDigest.str());
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

/// The order to start \p Files in, longest first: by the time the cache
/// recorded for each, else by the size of the file (scaled by the seconds
/// per byte of the files with a record, so that both compare).
std::vector<size_t> longestFirst(llvm::ArrayRef<std::string> Files,
                                 const ResultCache &Cache) {
  std::vector<std::optional<double>> Recorded(Files.size());
  std::vector<double> Size(Files.size(), 0);
  double Seconds = 0, Bytes = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    uint64_t FileSize = 0;
    if (!llvm::sys::fs::file_size(Files[I], FileSize))
      Size[I] = static_cast<double>(FileSize);
    if (Cache.enabled())
      Recorded[I] = Cache.cost(Files[I]);
    if (Recorded[I] && Size[I] > 0) {
      Seconds += *Recorded[I];
      Bytes += Size[I];
    }
  }
  double PerByte = Bytes > 0 ? Seconds / Bytes : 1.0;
  std::vector<double> Cost(Files.size());
  for (size_t I = 0; I < Files.size(); ++I)
    Cost[I] = Recorded[I] ? *Recorded[I] : Size[I] * PerByte;
  std::vector<size_t> Order(Files.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(),
                   [&](size_t A, size_t B) { return Cost[A] > Cost[B]; });
  return Order;
}

} // namespace

bool runsInWorkers(const CommandLine &CL, const Inputs &In) {
  if (CL.isWorker() || needsThisProcess(CL, In))
    return false;
  return (jobs(CL) > 1 && In.Units.size() > 1) ||
         !cacheDirectory(CL, In).empty();
}

namespace {

/// The units a run looks up in the cache: their keys, and the units that
/// were not there (with their index among the inputs).
struct CacheLookup {
  std::vector<std::string> Keys, Misses;
  std::vector<size_t> MissIndex;
};

/// Looks every unit of \p In up in \p Cache: a hit becomes its result in
/// \p Result (writing summaries, its files are written back), a miss is
/// listed to be analysed.
CacheLookup replayCached(const CommandLine &CL, const Configuration &Config,
                         const Inputs &In, const WorkerCommand &Command,
                         ResultCache &Cache, RunResult &Result) {
  CacheLookup L;
  L.Keys.resize(In.Units.size());
  // Reading summaries (the second pass of --summaries, SummaryFlow.h): a
  // unit's result depends on the records of the keys it asked for. Without
  // that digest, on the whole directory's.
  bool ReadsSummaries = !CL.Summaries.empty() && CL.SummaryOutput.empty();
  std::string DirectoryDigest;
  if (Cache.enabled() && ReadsSummaries && In.SummaryDigests.empty())
    DirectoryDigest =
        clang::tidy::async::model::summaryDirectoryDigest(CL.Summaries);
  for (size_t I = 0; I < In.Units.size(); ++I) {
    if (Cache.enabled()) {
      std::string SummariesDigest = DirectoryDigest;
      if (ReadsSummaries && !In.SummaryDigests.empty())
        SummariesDigest = In.SummaryDigests.lookup(In.Units[I]);
      L.Keys[I] = unitKey(Command, In.Units[I], Config, In, SummariesDigest);
      std::optional<std::string> Hit = Cache.lookup(L.Keys[I]);
      if (Hit && fromJson(*Hit, Result.Units[I])) {
        Result.Units[I].File = In.Units[I];
        Result.Units[I].Replayed = true;
        // Writing summaries: a replayed unit writes its files again.
        if (!CL.SummaryOutput.empty())
          restoreUnitSummaryFiles(CL.SummaryOutput, In.Units[I],
                                  Result.Units[I].SummaryFiles);
        continue;
      }
      Result.Units[I] = UnitResult();
    }
    L.Misses.push_back(In.Units[I]);
    L.MissIndex.push_back(I);
  }
  return L;
}

} // namespace

RunResult analyseInWorkers(const CommandLine &CL, const Configuration &Config,
                           const Inputs &In) {
  RunResult Result;
  auto Begin = std::chrono::steady_clock::now();
  WorkerCommand Command = workerCommand(CL);
  ResultCache Cache(cacheDirectory(CL, In));
  Result.Units.resize(In.Units.size());
  auto [Keys, Misses, MissIndex] =
      replayCached(CL, Config, In, Command, Cache, Result);
  // The longest units start first, so that a slow one is not the last to
  // start while the other workers idle.
  std::vector<size_t> Order = longestFirst(Misses, Cache);
  std::vector<std::string> Ordered;
  for (size_t I : Order)
    Ordered.push_back(Misses[I]);
  std::vector<WorkerResult> Fresh = runWorkers(
      Command, Ordered, jobs(CL), !CL.Quiet && llvm::errs().is_displayed());
  for (size_t K = 0; K < Fresh.size(); ++K) {
    size_t I = Order[K];
    UnitResult &Unit = Result.Units[MissIndex[I]] = fromWorker(Fresh[K]);
    if (Cache.enabled() && !Fresh[K].Crashed)
      Cache.recordCost(Misses[I], Fresh[K].Seconds);
    if (Cache.enabled() && !Unit.Failed)
      Cache.store(Keys[MissIndex[I]], Fresh[K].Output, Unit.Dependencies);
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
