//===--- Driver.cpp - async-lint ------------------------------------------===//
//
// The driver runs the registered clang-tidy checks through clang-tidy's own
// library (configuration, NOLINT, diagnostics), so that it reports exactly
// what the plugin reports. It adds what a CI linter needs on top: async-*
// checks by default, compile databases found per file, --explain, worker
// processes, a result cache, reports, baselines, and exit codes that tell
// findings from bad input.
//
// A run is a sequence of stages, each in a file of its own with one result:
// the command line (CommandLine.h), the configuration (Configuration.h), the
// inputs (Inputs.h), the analysis in this process or in workers
// (Analysis.h), and the finish (Finish.h). `async-lint merge` is Merge.h,
// `async-lint init` Init.h.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Analysis.h"
#include "CommandLine.h"
#include "Configuration.h"
#include "Finish.h"
#include "Init.h"
#include "Inputs.h"
#include "Merge.h"
#include "Queries.h"
#include "SummaryFlow.h"
#include "llvm/Support/WithColor.h"

namespace async_lint {

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "async-lint") << Message << "\n";
  return ExitUsage;
}

namespace {

/// A stage's error, as a usage error.
int fail(llvm::Error E) { return usageError(llvm::toString(std::move(E))); }

} // namespace

int runDriver(int Argc, const char **Argv) {
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "merge")
    return runMerge(llvm::ArrayRef(Argv + 2, Argv + Argc));
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "init")
    return runInit(llvm::ArrayRef(Argv + 2, Argv + Argc));
  // `async-lint summarize ... --summaries=DIR`: the first phase alone, the
  // same options otherwise.
  bool Summarize = Argc > 1 && llvm::StringRef(Argv[1]) == "summarize";
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Summarize)
    Args.erase(Args.begin() + 1);
  llvm::Expected<std::unique_ptr<CommandLine>> Parsed =
      CommandLine::parse(static_cast<int>(Args.size()), Args.data());
  if (!Parsed)
    return fail(Parsed.takeError());
  CommandLine &CL = **Parsed;
  if (Summarize && CL.Summaries.empty())
    return usageError("async-lint summarize needs --summaries=<dir>");
  if (std::optional<int> Status = answerLayoutQuery(CL))
    return *Status;
  llvm::Expected<Configuration> Config = Configuration::load(CL);
  if (!Config)
    return fail(Config.takeError());
  if (std::optional<int> Status = answerQuery(CL, *Config))
    return *Status;
  llvm::Expected<Filters> Filter = loadFilters(CL);
  if (!Filter)
    return fail(Filter.takeError());
  llvm::Expected<Inputs> In = resolveInputs(CL, *Config, Filter->Changed);
  if (!In)
    return fail(In.takeError());
  if (!CL.Summaries.empty() && !CL.isWorker() && CL.SummaryOutput.empty()) {
    llvm::Expected<RunResult> Result = analyseWithSummaries(CL, *In, Summarize);
    if (!Result)
      return fail(Result.takeError());
    if (Summarize) {
      bool Failed = llvm::any_of(Result->Units,
                                 [](const UnitResult &U) { return U.Failed; });
      return Failed && !CL.IgnoreAnalysisErrors ? ExitAnalysisFailed
                                                : ExitClean;
    }
    return finish(CL, *Config, *In, *Filter, *Result);
  }
  RunResult Result = runsInWorkers(CL, *In)
                         ? analyseInWorkers(CL, *Config, *In)
                         : analyseInProcess(CL, *Config, *In);
  if (CL.isWorker())
    return handOver(CL, Result);
  return finish(CL, *Config, *In, *Filter, Result);
}

} // namespace async_lint
