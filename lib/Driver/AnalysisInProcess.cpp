//===--- AnalysisInProcess.cpp - async-lint -------------------------------===//
//
// Units analysed in this process: clang-tidy's runClangTidy once per unit,
// so that each unit's diagnostics stay its own (clang-tidy would merge them),
// and a worker's hand-over to its parent.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Driver.h"
#include "SummaryFlow.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tidy;

namespace async_lint {

namespace {

/// Records every file the analysis reads, for the result cache.
class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS,
                      llvm::StringSet<> &Read)
      : ProxyFileSystem(std::move(FS)), Read(Read) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto Result = ProxyFileSystem::openFileForRead(Path);
    if (Result) {
      // The real path: include paths such as '<bin>/../lib/gcc/...' do not
      // survive a textual clean-up. A path that cannot be resolved is kept
      // as it is; the cache then cannot check it and stores nothing.
      llvm::SmallString<256> Real;
      if (getRealPath(Path, Real)) {
        Real.clear();
        Path.toVector(Real);
        (void)makeAbsolute(Real);
      }
      Read.insert(Real);
    }
    return Result;
  }

private:
  llvm::StringSet<> &Read;
};

} // namespace

RunResult analyseInProcess(const CommandLine &CL, const Configuration &Config,
                           const Inputs &In) {
  RunResult Result;
  auto Begin = std::chrono::steady_clock::now();
  // A worker records the files its unit reads, for the parent's cache.
  llvm::StringSet<> Read;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Real =
      llvm::vfs::getRealFileSystem();
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      CL.isWorker() ? llvm::makeIntrusiveRefCnt<RecordingFileSystem>(Real, Read)
                    : Real);
  for (const std::string &File : In.Units) {
    UnitResult Unit;
    Unit.File = File;
    Read.clear();
    // Writing summaries: the files an earlier run of the unit wrote and
    // this one does not are removed after it, and the new ones travel with
    // the result (the cache writes them again).
    UnitFileIds Before;
    if (!CL.SummaryOutput.empty())
      Before = unitSummaryFileIds(CL.SummaryOutput, File);
    // A context per unit: runClangTidy makes each unit's diagnostic ids
    // afresh, and a context keeps the check name of every id it has seen,
    // so a context shared by two units names the second one's findings
    // after the first one's checks.
    ClangTidyContext Context(Config.provider(In.headerRegex()), false, false,
                             false);
    Unit.Diagnostics = runClangTidy(Context, *In.Compilations, {File}, FS,
                                    /*ApplyAnyFix=*/false,
                                    /*EnableCheckProfile=*/false,
                                    /*StoreCheckProfile=*/"", CL.Quiet);
    Unit.Failed = hasCompilerError(Unit.Diagnostics);
    for (const auto &Entry : Read)
      Unit.Dependencies.push_back(Entry.first().str());
    llvm::sort(Unit.Dependencies);
    if (!CL.SummaryOutput.empty()) {
      removeStaleSummaryFiles(CL.SummaryOutput, Before);
      Unit.SummaryFiles = unitSummaryFiles(CL.SummaryOutput, File);
    }
    Result.Units.push_back(std::move(Unit));
  }
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Begin)
          .count();
  return Result;
}

int handOver(const CommandLine &CL, const RunResult &Result) {
  if (Result.Units.size() != 1)
    return usageError("a worker analyses one unit, not " +
                      llvm::Twine(Result.Units.size()));
  if (llvm::Error E =
          llvm::writeToOutput(CL.WorkerOutput, [&](llvm::raw_ostream &OS) {
            OS << toJson(Result.Units.front());
            return llvm::Error::success();
          }))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

} // namespace async_lint
