//===--- CommandLine.h - async-lint -----------------------------*- C++ -*-===//
//
// The first stage: async-lint's options, parsed by llvm::cl, checked against
// each other, and the table of the options that a worker process receives.
// A worker's arguments and the result cache's key are both made from that
// table (workerArguments), so an option that changes how a unit is analysed
// is added there once and reaches both.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_COMMANDLINE_H
#define ASYNC_LINT_DRIVER_COMMANDLINE_H

#include "Reporting.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

/// --shard=K/N: the K-th of N shards, 1-based.
struct ShardSlot {
  unsigned K = 1, N = 1;
};

/// The options of one run. The llvm::cl options register themselves with
/// the global parser, so there is one CommandLine, made by parse().
struct CommandLine {
  /// Parses \p Argv (argv[0] included); what follows `--` is the compile
  /// command of every input. Fails with a one-line message on an unknown or
  /// malformed option, or options that do not go together.
  static llvm::Expected<std::unique_ptr<CommandLine>> parse(int Argc,
                                                            const char **Argv);

  /// The options of the worker table as they were given here: what a
  /// worker receives, and what a cached result is keyed by.
  std::vector<std::string> workerArguments() const;

  /// This process is a worker of another async-lint (--worker-output).
  bool isWorker() const { return !WorkerOutput.empty(); }

  /// The directory that report paths are relative to, absolute.
  std::string sourceRoot() const;

  /// argv[0]: how this program was started (workers are started alike).
  std::string Argv0;
  /// The compiler arguments after `--`; std::nullopt without `--`.
  std::optional<std::vector<std::string>> FixedArgs;
  /// --shard, checked; std::nullopt without it.
  std::optional<ShardSlot> Shard;

  llvm::cl::OptionCategory Category{"async-lint options"};
  llvm::cl::list<std::string> Paths{llvm::cl::Positional,
                                    llvm::cl::desc("<source files>"),
                                    llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> BuildPath{
      "p",
      llvm::cl::desc("Build directory containing compile_commands.json "
                     "(default: the nearest one above each file)"),
      llvm::cl::value_desc("build-dir"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Checks{
      "checks",
      llvm::cl::desc("Globs of checks to enable or disable, appended to the "
                     "default '-*,async-*' and to .clang-tidy, as in "
                     "clang-tidy"),
      llvm::cl::value_desc("globs"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Config{
      "config",
      llvm::cl::desc("Configuration in YAML, used instead of .clang-tidy "
                     "files, as in clang-tidy"),
      llvm::cl::value_desc("yaml"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> ConfigFile{
      "config-file",
      llvm::cl::desc("Read the configuration from this YAML file instead of "
                     ".clang-tidy files, as in clang-tidy"),
      llvm::cl::value_desc("path"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> WarningsAsErrors{
      "warnings-as-errors",
      llvm::cl::desc("Globs of checks whose findings are reported as errors"),
      llvm::cl::value_desc("globs"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> HeaderFilter{
      "header-filter",
      llvm::cl::desc("Regular expression of headers whose findings are shown"),
      llvm::cl::value_desc("regex"), llvm::cl::cat(Category)};
  llvm::cl::list<std::string> ExtraArgs{
      "extra-arg", llvm::cl::desc("Compiler argument to append"),
      llvm::cl::value_desc("arg"), llvm::cl::cat(Category)};
  llvm::cl::list<std::string> ExtraArgsBefore{
      "extra-arg-before", llvm::cl::desc("Compiler argument to prepend"),
      llvm::cl::value_desc("arg"), llvm::cl::cat(Category)};
  llvm::cl::opt<bool> ListChecks{
      "list-checks", llvm::cl::desc("List the enabled checks and exit"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Explain{
      "explain", llvm::cl::desc("Print the documentation of a check and exit"),
      llvm::cl::value_desc("check"), llvm::cl::cat(Category)};
  llvm::cl::opt<bool> PrintPluginPath{
      "print-plugin-path",
      llvm::cl::desc("Print where the clang-tidy plugin is (for "
                     "clang-tidy-22 -load=) and exit"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<bool> PrintCompilerPluginPath{
      "print-compiler-plugin-path",
      llvm::cl::desc("Print where the compiler plugin is (for "
                     "clang++-22 -fplugin=) and exit"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<bool> DumpConfig{
      "dump-config",
      llvm::cl::desc("Print the effective configuration, with every check "
                     "option, and exit"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<bool> Quiet{"quiet", llvm::cl::desc("Print findings only"),
                            llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> BaselineFile{
      "baseline",
      llvm::cl::desc("Report only findings that are not in this baseline"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> WriteBaseline{
      "write-baseline",
      llvm::cl::desc("Record the current findings as the baseline in this "
                     "file"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category)};
  llvm::cl::opt<bool> Fix{
      "fix",
      llvm::cl::desc("Apply the findings' fix-its: each file written whole "
                     "or not at all; overlapping fixes and files changed "
                     "since the analysis are skipped and reported (runs with "
                     "-j1)"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Diff{
      "diff",
      llvm::cl::desc("Report only findings on lines added or changed since "
                     "this git revision, or in the unified diff read from "
                     "standard input ('-'); without paths, analyse the "
                     "changed files"),
      llvm::cl::value_desc("rev|-"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> ExportFixes{
      "export-fixes",
      llvm::cl::desc("Write the findings' fixes to this file as YAML for "
                     "clang-apply-replacements (runs with -j1)"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category)};
  llvm::cl::opt<bool> IgnoreAnalysisErrors{
      "ignore-analysis-errors",
      llvm::cl::desc("Files that cannot be analysed do not change the exit "
                     "status (3 by default); their errors are still printed"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> ShardText{
      "shard",
      llvm::cl::desc("Analyse only shard K of N (K/N, 1-based): a "
                     "deterministic split of the files, by path, for CI "
                     "matrices"),
      llvm::cl::value_desc("K/N"), llvm::cl::cat(Category)};
  llvm::cl::opt<unsigned> Jobs{
      "j",
      llvm::cl::desc("Analyse this many files at once, each in a worker "
                     "process (default: one per core)"),
      llvm::cl::value_desc("n"),
      llvm::cl::init(0),
      llvm::cl::Prefix,
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> CacheDir{
      "cache-dir",
      llvm::cl::desc("Where results are cached per unit (default: "
                     "$XDG_CACHE_HOME/async-lint or ~/.cache/async-lint)"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category)};
  llvm::cl::opt<bool> NoCache{"no-cache",
                              llvm::cl::desc("Analyse every unit afresh"),
                              llvm::cl::cat(Category)};
  llvm::cl::opt<bool> Stats{
      "stats",
      llvm::cl::desc("Print to standard error, per unit, the functions "
                     "analysed, the CFGs built, the functions skipped by the "
                     "CFG budget and the time of each analysis (every unit "
                     "is analysed afresh)"),
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Summaries{
      "summaries",
      llvm::cl::desc("Write every unit's summary into this directory while "
                     "analysing it, then analyse again, with the summaries, "
                     "the units that call functions they define, so that "
                     "calls into functions defined in other files are "
                     "judged (docs/summaries.md)"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> SummaryOutput{
      "summary-output",
      llvm::cl::desc("(internal) write the units' summaries here: the "
                     "first pass of --summaries"),
      llvm::cl::Hidden, llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> WorkerOutput{
      "worker-output",
      llvm::cl::desc("(internal) hand the unit's result to the parent here"),
      llvm::cl::Hidden, llvm::cl::cat(Category)};
  llvm::cl::opt<Format> OutputFormat{
      "format", llvm::cl::desc("Output format"), llvm::cl::init(Format::Text),
      llvm::cl::values(
          clEnumValN(Format::Text, "text", "clang-tidy's diagnostics"),
          clEnumValN(Format::Json, "json", "JSON (docs/output-formats.md)"),
          clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
          clEnumValN(Format::Github, "github",
                     "GitHub Actions workflow annotations"),
          clEnumValN(Format::Html, "html",
                     "one self-contained HTML page to read the run")),
      llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> Output{
      "output",
      llvm::cl::desc("Write the json, sarif, github or html output to this "
                     "file "
                     "(written whole, or not at all)"),
      llvm::cl::value_desc("file"), llvm::cl::cat(Category)};
  llvm::cl::opt<std::string> SourceRoot{
      "source-root",
      llvm::cl::desc("Paths in json, sarif and github output are relative to "
                     "this directory (default: the current directory)"),
      llvm::cl::value_desc("dir"), llvm::cl::cat(Category)};
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_COMMANDLINE_H
