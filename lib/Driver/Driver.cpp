//===--- Driver.cpp - async-lint ------------------------------------------===//
//
// The driver runs the registered clang-tidy checks through clang-tidy's own
// library (configuration, NOLINT, diagnostics), so that it reports exactly
// what the plugin reports. It adds what a CI linter needs on top: async-*
// checks by default, compile databases found per file, --explain, and exit
// codes that tell findings from bad input.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "AsyncLint.h"
#include "Baseline.h"
#include "Cache.h"
#include "CompilationDatabases.h"
#include "DiffFilter.h"
#include "Fixes.h"
#include "Paths.h"
#include "Reporting.h"
#include "Workers.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <chrono>
#include <map>
#include <thread>

using namespace clang::tidy;
namespace cl = llvm::cl;

namespace async_lint {

namespace {

constexpr llvm::StringLiteral DefaultChecks = "-*,async-*";

/// Reads .clang-tidy files like clang-tidy, except that their Checks can
/// only switch async-* checks on and off: a project's configuration for its
/// other clang-tidy checks does not make async-lint run them. Checks given
/// on the command line are taken as they are.
class AsyncLintOptionsProvider : public ClangTidyOptionsProvider {
public:
  explicit AsyncLintOptionsProvider(
      std::unique_ptr<ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(File);
    for (OptionsSource &Source : Sources) {
      if (Source.second == OptionsSourceTypeDefaultBinary ||
          Source.second == OptionsSourceTypeCheckCommandLineOption ||
          Source.second == OptionsSourceTypeConfigCommandLineOption ||
          !Source.first.Checks)
        continue;
      Source.first.Checks = onlyAsyncTerms(*Source.first.Checks);
    }
    return Sources;
  }

private:
  static std::string onlyAsyncTerms(llvm::StringRef Globs) {
    llvm::SmallVector<llvm::StringRef, 16> Terms;
    Globs.split(Terms, ',', -1, false);
    std::string Kept;
    for (llvm::StringRef Term : Terms) {
      Term = Term.trim();
      if (!Term.ltrim('-').starts_with("async-"))
        continue;
      if (!Kept.empty())
        Kept += ',';
      Kept += Term.str();
    }
    return Kept;
  }

  std::unique_ptr<ClangTidyOptionsProvider> Inner;
};

struct CommandLine {
  cl::OptionCategory Category{"async-lint options"};
  cl::list<std::string> Paths{cl::Positional, cl::desc("<source files>"),
                              cl::cat(Category)};
  cl::opt<std::string> BuildPath{
      "p",
      cl::desc("Build directory containing compile_commands.json (default: "
               "the nearest one above each file)"),
      cl::value_desc("build-dir"), cl::cat(Category)};
  cl::opt<std::string> Checks{
      "checks",
      cl::desc("Globs of checks to enable or disable, appended to the "
               "default '-*,async-*' and to .clang-tidy, as in clang-tidy"),
      cl::value_desc("globs"), cl::cat(Category)};
  cl::opt<std::string> Config{
      "config",
      cl::desc("Configuration in YAML, used instead of .clang-tidy files, as "
               "in clang-tidy"),
      cl::value_desc("yaml"), cl::cat(Category)};
  cl::opt<std::string> ConfigFile{
      "config-file",
      cl::desc("Read the configuration from this YAML file instead of "
               ".clang-tidy files, as in clang-tidy"),
      cl::value_desc("path"), cl::cat(Category)};
  cl::opt<std::string> WarningsAsErrors{
      "warnings-as-errors",
      cl::desc("Globs of checks whose findings are reported as errors"),
      cl::value_desc("globs"), cl::cat(Category)};
  cl::opt<std::string> HeaderFilter{
      "header-filter",
      cl::desc("Regular expression of headers whose findings are shown"),
      cl::value_desc("regex"), cl::cat(Category)};
  cl::list<std::string> ExtraArgs{"extra-arg",
                                  cl::desc("Compiler argument to append"),
                                  cl::value_desc("arg"), cl::cat(Category)};
  cl::list<std::string> ExtraArgsBefore{
      "extra-arg-before", cl::desc("Compiler argument to prepend"),
      cl::value_desc("arg"), cl::cat(Category)};
  cl::opt<bool> ListChecks{"list-checks",
                           cl::desc("List the enabled checks and exit"),
                           cl::cat(Category)};
  cl::opt<std::string> Explain{
      "explain", cl::desc("Print the documentation of a check and exit"),
      cl::value_desc("check"), cl::cat(Category)};
  cl::opt<bool> DumpConfig{
      "dump-config",
      cl::desc("Print the effective configuration, with every check option, "
               "and exit"),
      cl::cat(Category)};
  cl::opt<bool> Quiet{"quiet", cl::desc("Print findings only"),
                      cl::cat(Category)};
  cl::opt<std::string> BaselineFile{
      "baseline",
      cl::desc("Report only findings that are not in this baseline"),
      cl::value_desc("file"), cl::cat(Category)};
  cl::opt<std::string> WriteBaseline{
      "write-baseline",
      cl::desc("Record the current findings as the baseline in this file"),
      cl::value_desc("file"), cl::cat(Category)};
  cl::opt<bool> Fix{
      "fix",
      cl::desc("Apply the findings' fix-its: each file written whole or not "
               "at all; overlapping fixes and files changed since the "
               "analysis are skipped and reported (runs with -j1)"),
      cl::cat(Category)};
  cl::opt<std::string> Diff{
      "diff",
      cl::desc("Report only findings on lines added or changed since this "
               "git revision, or in the unified diff read from standard "
               "input ('-'); without paths, analyse the changed files"),
      cl::value_desc("rev|-"), cl::cat(Category)};
  cl::opt<std::string> DiffFile{
      "diff-file", cl::desc("(internal) a unified diff with absolute paths"),
      cl::Hidden, cl::cat(Category)};
  cl::opt<std::string> ExportFixes{
      "export-fixes",
      cl::desc("Write the findings' fixes to this file as YAML for "
               "clang-apply-replacements (runs with -j1)"),
      cl::value_desc("file"), cl::cat(Category)};
  cl::opt<bool> IgnoreAnalysisErrors{
      "ignore-analysis-errors",
      cl::desc("Files that cannot be analysed do not change the exit status "
               "(3 by default); their errors are still printed"),
      cl::cat(Category)};
  cl::opt<std::string> Shard{
      "shard",
      cl::desc("Analyse only shard K of N (K/N, 1-based): a deterministic "
               "split of the files, by path, for CI matrices"),
      cl::value_desc("K/N"), cl::cat(Category)};
  cl::opt<unsigned> Jobs{
      "j",
      cl::desc("Analyse this many files at once, each in a worker process "
               "(default: one per core)"),
      cl::value_desc("n"),
      cl::init(0),
      cl::Prefix,
      cl::cat(Category)};
  cl::opt<std::string> CacheDir{
      "cache-dir",
      cl::desc("Where results are cached per unit (default: "
               "$XDG_CACHE_HOME/async-lint or ~/.cache/async-lint)"),
      cl::value_desc("dir"), cl::cat(Category)};
  cl::opt<bool> NoCache{"no-cache", cl::desc("Analyse every unit afresh"),
                        cl::cat(Category)};
  cl::opt<std::string> WorkerDeps{
      "worker-deps", cl::desc("(internal) write the files read here"),
      cl::Hidden, cl::cat(Category)};
  cl::opt<std::string> WorkerJson{
      "worker-json", cl::desc("(internal) write findings as JSON here"),
      cl::Hidden, cl::cat(Category)};
  cl::opt<Format> OutputFormat{
      "format", cl::desc("Output format"), cl::init(Format::Text),
      cl::values(
          clEnumValN(Format::Text, "text", "clang-tidy's diagnostics"),
          clEnumValN(Format::Json, "json", "JSON (docs/output-formats.md)"),
          clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0"),
          clEnumValN(Format::Github, "github",
                     "GitHub Actions workflow annotations")),
      cl::cat(Category)};
  cl::opt<std::string> Output{
      "output",
      cl::desc("Write the json, sarif or github output to this file "
               "(written whole, or not at all)"),
      cl::value_desc("file"), cl::cat(Category)};
  cl::opt<std::string> SourceRoot{
      "source-root",
      cl::desc("Paths in json, sarif and github output are relative to this "
               "directory (default: the current directory)"),
      cl::value_desc("dir"), cl::cat(Category)};
};

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "async-lint") << Message << "\n";
  return ExitUsage;
}

void printVersion(llvm::raw_ostream &OS) {
  OS << "async-lint " << version() << " (checks built against LLVM "
     << builtLLVMMajor() << ")\n";
}

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const CommandLine &CL, llvm::StringRef HeaderRegex = "") {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks.str();
  ClangTidyOptions Overrides;
  if (CL.Checks.getNumOccurrences())
    Overrides.Checks = CL.Checks;
  if (CL.WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = CL.WarningsAsErrors;
  if (CL.HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = CL.HeaderFilter;
  if (!HeaderRegex.empty())
    Overrides.HeaderFilterRegex = HeaderRegex.str();
  if (!CL.ExtraArgs.empty())
    Overrides.ExtraArgs.emplace(CL.ExtraArgs.begin(), CL.ExtraArgs.end());
  if (!CL.ExtraArgsBefore.empty())
    Overrides.ExtraArgsBefore.emplace(CL.ExtraArgsBefore.begin(),
                                      CL.ExtraArgsBefore.end());
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  std::string ConfigText = CL.Config;
  llvm::StringRef ConfigOrigin = "--config";
  if (CL.ConfigFile.getNumOccurrences()) {
    if (CL.Config.getNumOccurrences())
      return llvm::createStringError(
          "--config and --config-file cannot be used together");
    auto Buffer = llvm::MemoryBuffer::getFile(CL.ConfigFile);
    if (!Buffer)
      return llvm::createStringError("cannot read --config-file '" +
                                     CL.ConfigFile +
                                     "': " + Buffer.getError().message());
    ConfigText = (*Buffer)->getBuffer().str();
    ConfigOrigin = CL.ConfigFile;
  }
  if (CL.Config.getNumOccurrences() || CL.ConfigFile.getNumOccurrences()) {
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration(llvm::MemoryBufferRef(ConfigText, ConfigOrigin));
    if (!Parsed)
      return llvm::createStringError("invalid configuration in " +
                                     ConfigOrigin + ": " +
                                     Parsed.getError().message());
    Inner = std::make_unique<ConfigOptionsProvider>(
        ClangTidyGlobalOptions(), std::move(Defaults), std::move(*Parsed),
        std::move(Overrides));
  } else {
    Inner = std::make_unique<FileOptionsProvider>(
        ClangTidyGlobalOptions(), std::move(Defaults), std::move(Overrides));
  }
  return std::make_unique<AsyncLintOptionsProvider>(std::move(Inner));
}

/// The file that stands for "here" when options are asked without inputs.
std::string configAnchor(const CommandLine &CL) {
  if (!CL.Paths.empty())
    return CL.Paths.front();
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  llvm::sys::path::append(Cwd, "dummy.cpp");
  return std::string(Cwd);
}

int listChecks(ClangTidyOptionsProvider &Provider, const CommandLine &CL) {
  ClangTidyOptions Options = Provider.getOptions(configAnchor(CL));
  std::vector<std::string> Names = getCheckNames(Options, false, false);
  if (Names.empty())
    return usageError("no checks are enabled");
  llvm::outs() << "Enabled checks:\n";
  size_t Width = 0;
  for (const std::string &Name : Names)
    Width = std::max(Width, Name.size());
  for (const std::string &Name : Names) {
    llvm::outs() << "    " << Name;
    llvm::StringRef Summary = checkSummary(Name);
    if (!Summary.empty())
      llvm::outs().indent(Width + 2 - Name.size()) << Summary;
    llvm::outs() << "\n";
  }
  return ExitClean;
}

int explain(llvm::StringRef Check) {
  llvm::StringRef Doc = checkDocumentation(Check);
  if (Doc.empty())
    return usageError("unknown check '" + Check +
                      "'; 'async-lint --list-checks' lists the checks");
  llvm::outs() << Doc;
  if (!Doc.ends_with("\n"))
    llvm::outs() << "\n";
  return ExitClean;
}

int dumpConfig(ClangTidyOptionsProvider &Provider, const CommandLine &CL) {
  ClangTidyOptions Options = Provider.getOptions(configAnchor(CL));
  ClangTidyOptions CheckOptions;
  CheckOptions.CheckOptions = getCheckOptions(Options, false, false);
  Options = Options.merge(CheckOptions, 0);
  llvm::outs() << configurationAsText(Options) << "\n";
  return ExitClean;
}

/// clang-tidy reports a malformed .clang-tidy and goes on without it; a CI
/// linter must not silently run with another configuration, so each file's
/// .clang-tidy files are checked first.
llvm::Error checkConfigFiles(llvm::StringRef File,
                             llvm::StringSet<> &CheckedDirs) {
  llvm::Error Result = llvm::Error::success();
  forEachAncestor(File, [&](llvm::StringRef Dir) {
    // A directory checked before: so were the ones above it.
    if (!CheckedDirs.insert(Dir).second)
      return false;
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (!llvm::sys::fs::is_regular_file(Config))
      return true;
    auto Buffer = llvm::MemoryBuffer::getFile(Config);
    if (!Buffer) {
      Result = llvm::createStringError("cannot read '" + Config +
                                       "': " + Buffer.getError().message());
      return false;
    }
    llvm::ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration((*Buffer)->getMemBufferRef());
    if (!Parsed) {
      Result = llvm::createStringError("invalid configuration in '" + Config +
                                       "': " + Parsed.getError().message());
      return false;
    }
    return true;
  });
  return Result;
}

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

/// What besides the compile command decides a unit's results: its
/// .clang-tidy files, and the baseline, configuration file and diff.
std::string cacheContext(const CommandLine &CL, llvm::StringRef File,
                         const std::optional<ChangedLines> &Changed) {
  std::string Context;
  forEachAncestor(File, [&](llvm::StringRef Dir) {
    llvm::SmallString<256> Config(Dir);
    llvm::sys::path::append(Config, ".clang-tidy");
    if (auto Buffer = llvm::MemoryBuffer::getFile(Config))
      Context += Config.str().str() + "\n" + (*Buffer)->getBuffer().str();
    return true;
  });
  for (const std::string &Path :
       {CL.BaselineFile.getValue(), CL.ConfigFile.getValue()})
    if (!Path.empty())
      if (auto Buffer = llvm::MemoryBuffer::getFile(Path))
        Context += (*Buffer)->getBuffer().str();
  if (Changed)
    Context += Changed->str();
  return Context;
}

/// The directory that report paths are relative to.
std::string sourceRoot(const CommandLine &CL) {
  llvm::SmallString<256> Root(CL.SourceRoot);
  if (Root.empty())
    llvm::sys::fs::current_path(Root);
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  return std::string(Root);
}

/// Writes the findings in a machine-readable format, to --output or stdout.
int writeReport(const CommandLine &CL, llvm::ArrayRef<Finding> Findings,
                unsigned FilesAnalysed) {
  std::string Root = sourceRoot(CL);
  if (CL.Output.empty()) {
    writeFindings(CL.OutputFormat, Findings, Root, FilesAnalysed, llvm::outs());
    return 0;
  }
  // Written to a temporary file and renamed: never half a report.
  if (llvm::Error E =
          llvm::writeToOutput(CL.Output, [&](llvm::raw_ostream &OS) {
            writeFindings(CL.OutputFormat, Findings, Root, FilesAnalysed, OS);
            return llvm::Error::success();
          }))
    return usageError("cannot write '" + CL.Output +
                      "': " + llvm::toString(std::move(E)));
  return 0;
}

/// Keeps the findings (and their clang-tidy errors) that \p Keep accepts.
void filterFindings(std::vector<ClangTidyError> &Errors,
                    std::vector<Finding> &Findings,
                    llvm::function_ref<bool(const Finding &)> Keep) {
  std::vector<ClangTidyError> KeptErrors;
  std::vector<Finding> KeptFindings;
  size_t Next = 0; // toFindings keeps the order of the non-compiler errors
  for (ClangTidyError &E : Errors) {
    if (isCompilerDiagnostic(E)) {
      KeptErrors.push_back(std::move(E));
      continue;
    }
    Finding &F = Findings[Next++];
    if (!Keep(F))
      continue;
    KeptErrors.push_back(std::move(E));
    KeptFindings.push_back(std::move(F));
  }
  Errors = std::move(KeptErrors);
  Findings = std::move(KeptFindings);
}

/// Drops the findings that the baseline has.
int applyBaseline(const CommandLine &CL, std::vector<ClangTidyError> &Errors,
                  std::vector<Finding> &Findings) {
  llvm::Expected<Baseline> Accepted = Baseline::read(CL.BaselineFile);
  if (!Accepted)
    return usageError(llvm::toString(Accepted.takeError()));
  std::string Root = sourceRoot(CL);
  filterFindings(Errors, Findings,
                 [&](const Finding &F) { return !Accepted->accepts(F, Root); });
  return 0;
}

/// The lines --diff or --diff-file names; std::nullopt without either.
llvm::Expected<std::optional<ChangedLines>>
changedLines(const CommandLine &CL) {
  if (CL.DiffFile.getNumOccurrences()) {
    auto Buffer = llvm::MemoryBuffer::getFile(CL.DiffFile);
    if (!Buffer)
      return llvm::createStringError("cannot read '" + CL.DiffFile +
                                     "': " + Buffer.getError().message());
    return ChangedLines::parse((*Buffer)->getBuffer(), "/");
  }
  if (!CL.Diff.getNumOccurrences())
    return std::nullopt;
  if (CL.Diff == "-") {
    auto Buffer = llvm::MemoryBuffer::getSTDIN();
    if (!Buffer)
      return llvm::createStringError("cannot read the diff from standard "
                                     "input: " +
                                     Buffer.getError().message());
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    return ChangedLines::parse((*Buffer)->getBuffer(), Cwd);
  }
  llvm::Expected<ChangedLines> FromGit = ChangedLines::fromGit(CL.Diff);
  if (!FromGit)
    return FromGit.takeError();
  return std::move(*FromGit);
}

/// --write-baseline: records the findings; success unless a unit failed.
int recordBaseline(const CommandLine &CL, llvm::ArrayRef<Finding> Findings,
                   unsigned Failed) {
  if (llvm::Error E =
          Baseline::write(CL.WriteBaseline, Findings, sourceRoot(CL)))
    return usageError("cannot write '" + CL.WriteBaseline +
                      "': " + llvm::toString(std::move(E)));
  if (!CL.Quiet)
    llvm::errs() << "recorded " << Findings.size()
                 << (Findings.size() == 1 ? " finding" : " findings") << " in '"
                 << CL.WriteBaseline << "'\n";
  return Failed ? ExitAnalysisFailed : ExitClean;
}

/// Compiler errors go to stderr when the output is a report.
void printCompilerErrors(llvm::ArrayRef<ClangTidyError> Errors) {
  for (const ClangTidyError &E : Errors)
    if (E.DiagLevel == ClangTidyError::Error && isCompilerDiagnostic(E))
      llvm::errs() << E.Message.FilePath << ": error: " << E.Message.Message
                   << "\n";
}

/// The closing summary on stderr: findings per check, files, failures, time.
void printSummary(llvm::ArrayRef<Finding> Findings, size_t Files,
                  unsigned Failed, double Seconds) {
  std::map<std::string, unsigned> PerCheck;
  for (const Finding &F : Findings)
    ++PerCheck[F.Check];
  llvm::errs() << Findings.size()
               << (Findings.size() == 1 ? " finding" : " findings");
  if (!PerCheck.empty()) {
    llvm::errs() << " (";
    bool First = true;
    for (const auto &[Check, Count] : PerCheck) {
      llvm::errs() << (First ? "" : ", ") << Check << ": " << Count;
      First = false;
    }
    llvm::errs() << ")";
  }
  llvm::errs() << " in " << Files << (Files == 1 ? " file" : " files");
  if (Failed)
    llvm::errs() << "; " << Failed << (Failed == 1 ? " file" : " files")
                 << " could not be analysed";
  llvm::errs() << llvm::formatv(" ({0:f1}s)", Seconds) << "\n";
}

double secondsSince(std::chrono::steady_clock::time_point Begin) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Begin)
      .count();
}

/// Compiler chatter that is noise once a worker's findings are collected.
bool isWorkerNoise(llvm::StringRef Line) {
  return Line.trim().empty() || Line.ends_with(" generated.") ||
         Line.starts_with("Error while processing ");
}

/// Runs every file in a worker process of its own, -j at a time, and
/// reports in the order of the files, whatever order they finish in.
int runInWorkers(const CommandLine &CL, const char *Argv0,
                 llvm::ArrayRef<std::string> Files,
                 const std::optional<std::vector<std::string>> &FixedArgs,
                 unsigned Jobs, const std::optional<ChangedLines> &Changed) {
  auto Begin = std::chrono::steady_clock::now();
  std::vector<std::string> Args;
  if (CL.BuildPath.getNumOccurrences())
    Args.push_back("-p=" + CL.BuildPath);
  if (CL.Checks.getNumOccurrences())
    Args.push_back("--checks=" + CL.Checks);
  if (CL.Config.getNumOccurrences())
    Args.push_back("--config=" + CL.Config);
  if (CL.ConfigFile.getNumOccurrences())
    Args.push_back("--config-file=" + CL.ConfigFile);
  if (CL.WarningsAsErrors.getNumOccurrences())
    Args.push_back("--warnings-as-errors=" + CL.WarningsAsErrors);
  if (CL.HeaderFilter.getNumOccurrences())
    Args.push_back("--header-filter=" + CL.HeaderFilter);
  for (const std::string &A : CL.ExtraArgs)
    Args.push_back("--extra-arg=" + A);
  for (const std::string &A : CL.ExtraArgsBefore)
    Args.push_back("--extra-arg-before=" + A);
  if (CL.BaselineFile.getNumOccurrences())
    Args.push_back("--baseline=" + CL.BaselineFile);
  Args.push_back("--source-root=" + sourceRoot(CL));
  Args.push_back("--quiet");
  llvm::SmallString<128> DiffPath;
  if (Changed) {
    if (llvm::sys::fs::createTemporaryFile("async-lint-diff", "diff",
                                           DiffPath) ||
        llvm::writeToOutput(DiffPath, [&](llvm::raw_ostream &OS) {
          OS << Changed->str();
          return llvm::Error::success();
        }))
      return usageError("cannot write a temporary file");
    Args.push_back("--diff-file=" + DiffPath.str().str());
  }
  std::vector<std::string> Tail;
  if (FixedArgs) {
    Tail.push_back("--");
    Tail.insert(Tail.end(), FixedArgs->begin(), FixedArgs->end());
  }
  std::string Self =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&runDriver);
  ResultCache Cache(CL.NoCache ? std::string()
                    : CL.CacheDir.getNumOccurrences()
                        ? CL.CacheDir.getValue()
                        : ResultCache::defaultDirectory());
  std::vector<WorkerResult> Results(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::vector<std::string> Misses;
  std::vector<size_t> MissIndex;
  std::vector<std::string> KeyArgs = Args;
  KeyArgs.insert(KeyArgs.end(), Tail.begin(), Tail.end());
  // A rebuilt async-lint may judge differently at the same version number.
  llvm::sys::fs::file_status SelfStatus;
  if (!llvm::sys::fs::status(Self, SelfStatus))
    KeyArgs.push_back("binary " + std::to_string(SelfStatus.getSize()) + " " +
                      std::to_string(llvm::sys::toTimeT(
                          SelfStatus.getLastModificationTime())));
  unsigned Cached = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (Cache.enabled()) {
      Keys[I] = ResultCache::unitKey(Files[I], KeyArgs,
                                     cacheContext(CL, Files[I], Changed));
      if (std::optional<WorkerResult> Hit = Cache.lookup(Keys[I])) {
        Results[I] = std::move(*Hit);
        Results[I].File = Files[I];
        ++Cached;
        continue;
      }
    }
    Misses.push_back(Files[I]);
    MissIndex.push_back(I);
  }
  std::vector<WorkerResult> Fresh = runWorkers(
      Self, Args, Misses, Tail, Jobs, !CL.Quiet && llvm::errs().is_displayed());
  for (size_t I = 0; I < Fresh.size(); ++I) {
    if (Cache.enabled()) {
      llvm::SmallVector<llvm::StringRef, 64> Deps;
      llvm::StringRef(Fresh[I].Dependencies).split(Deps, '\n', -1, false);
      std::vector<std::string> DepList(Deps.begin(), Deps.end());
      Cache.store(Keys[MissIndex[I]], Fresh[I], DepList);
    }
    Results[MissIndex[I]] = std::move(Fresh[I]);
  }
  if (Cache.enabled())
    Cache.prune(std::chrono::hours(24 * 30));
  if (Cached && !CL.Quiet)
    llvm::errs() << Cached << (Cached == 1 ? " file" : " files")
                 << " unchanged since the last run: results replayed from "
                    "the cache\n";

  std::vector<Finding> Findings;
  unsigned Failed = 0;
  for (const WorkerResult &R : Results) {
    if (CL.OutputFormat == Format::Text)
      llvm::outs() << R.Stdout;
    llvm::SmallVector<llvm::StringRef, 8> Lines;
    llvm::StringRef(R.Stderr).split(Lines, '\n');
    for (llvm::StringRef Line : Lines)
      if (!isWorkerNoise(Line))
        llvm::errs() << Line << "\n";
    if (R.Crashed) {
      llvm::WithColor::error(llvm::errs(), "async-lint")
          << "analysing '" << R.File
          << "' crashed; the other files' results are complete\n";
      ++Failed;
      continue;
    }
    if (R.ExitCode != ExitClean && R.ExitCode != ExitFindings)
      ++Failed;
    if (!readFindings(R.Json, Findings) && R.ExitCode != ExitAnalysisFailed) {
      llvm::WithColor::error(llvm::errs(), "async-lint")
          << "lost the results of '" << R.File << "'\n";
      ++Failed;
    }
  }
  llvm::outs().flush();
  if (CL.WriteBaseline.getNumOccurrences())
    return recordBaseline(CL, Findings, Failed);
  if (CL.OutputFormat != Format::Text)
    if (int Status = writeReport(CL, Findings, Files.size()))
      return Status;
  if (!CL.Quiet)
    printSummary(Findings, Files.size(), Failed, secondsSince(Begin));
  if (Failed && !CL.IgnoreAnalysisErrors)
    return ExitAnalysisFailed;
  return Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace

/// `async-lint merge [--format=json|sarif] [--output=FILE] REPORT...`:
/// combines the JSON or SARIF reports of shards into one.
int runMerge(int Argc, const char **Argv) {
  Format Out = Format::Json;
  std::string OutputPath;
  std::vector<std::string> Inputs;
  for (int I = 0; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg.consume_front("--format=")) {
      if (Arg == "json")
        Out = Format::Json;
      else if (Arg == "sarif")
        Out = Format::Sarif;
      else
        return usageError("merge writes --format=json or sarif, not '" + Arg +
                          "'");
    } else if (Arg.consume_front("--output=")) {
      OutputPath = Arg.str();
    } else if (Arg.starts_with("-")) {
      return usageError("unknown merge option '" + Arg +
                        "' (async-lint merge [--format=json|sarif] "
                        "[--output=FILE] REPORT...)");
    } else {
      Inputs.push_back(Arg.str());
    }
  }
  if (Inputs.empty())
    return usageError("merge needs the reports to merge");
  std::vector<Finding> Findings;
  unsigned Files = 0;
  for (const std::string &Input : Inputs) {
    auto Buffer = llvm::MemoryBuffer::getFile(Input);
    if (!Buffer)
      return usageError("cannot read '" + Input +
                        "': " + Buffer.getError().message());
    llvm::StringRef Text = (*Buffer)->getBuffer();
    bool Sarif = Text.contains("\"runs\"");
    bool Read = Sarif ? readSarifFindings(Text, Findings)
                      : readFindings(Text, Findings);
    if (!Read)
      return usageError("'" + Input +
                        "' is not an async-lint JSON or SARIF "
                        "report");
    if (!Sarif)
      if (auto Parsed = llvm::json::parse(Text))
        if (const llvm::json::Object *O = Parsed->getAsObject())
          Files += O->getInteger("filesAnalysed").value_or(0);
  }
  // Paths in the reports are relative to the shards' source roots already.
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  if (OutputPath.empty()) {
    writeFindings(Out, Findings, Cwd, Files, llvm::outs());
    return ExitClean;
  }
  if (llvm::Error E =
          llvm::writeToOutput(OutputPath, [&](llvm::raw_ostream &OS) {
            writeFindings(Out, Findings, Cwd, Files, OS);
            return llvm::Error::success();
          }))
    return usageError("cannot write '" + OutputPath +
                      "': " + llvm::toString(std::move(E)));
  return ExitClean;
}

int runDriver(int Argc, const char **Argv) {
  if (Argc > 1 && llvm::StringRef(Argv[1]) == "merge")
    return runMerge(Argc - 2, Argv + 2);
  // Everything after `--` is the compile command of every input file.
  std::vector<const char *> OwnArgs;
  std::optional<std::vector<std::string>> FixedArgs;
  for (int I = 0; I < Argc; ++I) {
    if (llvm::StringRef(Argv[I]) == "--") {
      FixedArgs.emplace(Argv + I + 1, Argv + Argc);
      break;
    }
    OwnArgs.push_back(Argv[I]);
  }

  CommandLine CL;
  cl::HideUnrelatedOptions(CL.Category);
  cl::SetVersionPrinter(printVersion);
  std::string ParseErrors;
  llvm::raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          static_cast<int>(OwnArgs.size()), OwnArgs.data(),
          "async-lint: finds the pitfalls of C++20 coroutines\n\n"
          "  async-lint [options] <files...> [-- <compiler arguments>]\n",
          &ParseErrorStream)) {
    llvm::StringRef First = llvm::StringRef(ParseErrors).split('\n').first;
    First = First.split("  Try:").first.trim();
    // Drop the program-name prefix that llvm::cl puts first.
    size_t Colon = First.find(": ");
    if (Colon != llvm::StringRef::npos &&
        !First.take_front(Colon).contains(' '))
      First = First.drop_front(Colon + 2);
    if (First.trim().empty())
      First = "invalid command line";
    return usageError(First.trim() + " (see 'async-lint --help')");
  }

  llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>> MaybeProvider =
      makeOptionsProvider(CL);
  if (!MaybeProvider)
    return usageError(llvm::toString(MaybeProvider.takeError()));
  std::unique_ptr<ClangTidyOptionsProvider> Provider =
      std::move(*MaybeProvider);
  if (CL.Explain.getNumOccurrences())
    return explain(CL.Explain);
  if (CL.ListChecks)
    return listChecks(*Provider, CL);
  if (CL.DumpConfig)
    return dumpConfig(*Provider, CL);
  if (CL.OutputFormat == Format::Text && CL.Output.getNumOccurrences())
    return usageError("--output needs --format=json, sarif or github (text "
                      "goes to standard output)");

  DatabaseSettings Settings;
  Settings.BuildPath = CL.BuildPath;
  std::optional<std::vector<std::string>> FixedArgsCopy = FixedArgs;
  Settings.FixedArgs = std::move(FixedArgs);
  Settings.ResourceDir = ASYNC_LINT_RESOURCE_DIR;
  PerFileCompilations Compilations(std::move(Settings));
  std::vector<std::string> Files;
  llvm::StringSet<> CheckedConfigDirs;
  bool UsesConfigOption =
      CL.Config.getNumOccurrences() || CL.ConfigFile.getNumOccurrences();
  // A directory, or no path at all (the current directory), stands for
  // every unit of its compile database below it; a header is analysed
  // through a unit that includes it.
  // A bad baseline is a usage error before any unit runs.
  if (CL.BaselineFile.getNumOccurrences())
    if (llvm::Expected<Baseline> Checked = Baseline::read(CL.BaselineFile);
        !Checked)
      return usageError(llvm::toString(Checked.takeError()));
  llvm::Expected<std::optional<ChangedLines>> MaybeChanged = changedLines(CL);
  if (!MaybeChanged)
    return usageError(llvm::toString(MaybeChanged.takeError()));
  std::optional<ChangedLines> Changed = std::move(*MaybeChanged);
  std::vector<std::string> Paths(CL.Paths.begin(), CL.Paths.end());
  if (Paths.empty() && Changed) {
    for (const std::string &File : Changed->files())
      if (isHeader(File) || isSource(File))
        Paths.push_back(File);
    if (Paths.empty()) {
      if (!CL.Quiet)
        llvm::errs() << "no changed C++ file to analyse\n";
      return CL.OutputFormat == Format::Text ? ExitClean
                                             : writeReport(CL, {}, 0);
    }
  }
  if (Paths.empty())
    Paths.push_back(".");
  llvm::StringSet<> Requested;
  bool HeadersRequested = false;
  auto AddUnit = [&](llvm::StringRef File) -> int {
    if (llvm::is_contained(Files, File))
      return 0;
    if (!UsesConfigOption)
      if (llvm::Error E = checkConfigFiles(File, CheckedConfigDirs))
        return usageError(llvm::toString(std::move(E)));
    std::string Warning;
    if (llvm::Error E = Compilations.addFile(File, Warning))
      return usageError(llvm::toString(std::move(E)));
    if (!Warning.empty() && !CL.Quiet)
      llvm::WithColor::warning(llvm::errs(), "async-lint") << Warning << "\n";
    Files.push_back(File.str());
    return 0;
  };
  for (const std::string &Path : Paths) {
    llvm::SmallString<256> Absolute(Path);
    if (std::error_code EC = llvm::sys::fs::make_absolute(Absolute))
      return usageError("cannot resolve '" + Path + "': " + EC.message());
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    if (!llvm::sys::fs::exists(Absolute))
      return usageError("no such file: '" + Path + "'");
    if (llvm::sys::fs::is_directory(Absolute)) {
      llvm::Expected<std::vector<std::string>> Units =
          Compilations.unitsUnder(Absolute);
      if (!Units)
        return usageError(llvm::toString(Units.takeError()));
      for (const std::string &Unit : *Units) {
        Requested.insert(Unit);
        if (int Status = AddUnit(Unit))
          return Status;
      }
      continue;
    }
    if (!llvm::sys::fs::is_regular_file(Absolute))
      return usageError("not a regular file: '" + Path + "'");
    Requested.insert(Absolute);
    if (isHeader(Absolute)) {
      std::string Unit = Compilations.unitIncluding(Absolute);
      if (Unit.empty()) {
        if (!CL.Quiet)
          llvm::WithColor::note(llvm::errs(), "async-lint")
              << "skipped '" << Path
              << "': no translation unit of the compile database includes "
                 "it\n";
        continue;
      }
      HeadersRequested = true;
      if (!CL.Quiet)
        llvm::WithColor::note(llvm::errs(), "async-lint")
            << "analysing '" << Path << "' through '" << Unit << "'\n";
      if (int Status = AddUnit(Unit))
        return Status;
      continue;
    }
    if (int Status = AddUnit(Absolute))
      return Status;
  }
  if (Files.empty())
    return CL.OutputFormat == Format::Text ? ExitClean : writeReport(CL, {}, 0);
  if (HeadersRequested) {
    // Findings in the headers asked for, and in the files asked for only.
    // clang-tidy matches the header filter against the names its source
    // manager uses, which may be relative: match by file name here and by
    // full path below.
    std::string Regex;
    for (const auto &Entry : Requested)
      Regex += (Regex.empty() ? "(^|/)(" : "|") +
               llvm::Regex::escape(llvm::sys::path::filename(Entry.first()));
    Regex += ")$";
    llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>> WithHeaders =
        makeOptionsProvider(CL, Regex);
    if (!WithHeaders)
      return usageError(llvm::toString(WithHeaders.takeError()));
    Provider = std::move(*WithHeaders);
  }

  if (CL.Shard.getNumOccurrences()) {
    auto [KText, NText] = llvm::StringRef(CL.Shard).split('/');
    unsigned K = 0, N = 0;
    if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N)
      return usageError("--shard takes K/N with 1 <= K <= N, not '" + CL.Shard +
                        "'");
    // By a hash of the path relative to the source root, so that a file
    // stays in its shard when others are added.
    std::string Root = sourceRoot(CL);
    std::vector<std::string> Mine;
    for (const std::string &File : Files) {
      llvm::StringRef Rel = File;
      if (Rel.consume_front(Root))
        Rel.consume_front("/");
      if (llvm::xxh3_64bits(Rel) % N == K - 1)
        Mine.push_back(File);
    }
    if (!CL.Quiet)
      llvm::errs() << "shard " << K << "/" << N << ": " << Mine.size() << " of "
                   << Files.size() << " files\n";
    Files = std::move(Mine);
    if (Files.empty()) {
      if (CL.OutputFormat != Format::Text)
        return writeReport(CL, {}, 0);
      return ExitClean;
    }
  }

  unsigned Jobs = CL.Jobs ? CL.Jobs : std::thread::hardware_concurrency();
  // Fixes to one header from several units are merged here, in one process.
  if (CL.Fix || HeadersRequested || CL.ExportFixes.getNumOccurrences())
    Jobs = 1;
  // Results are cached per unit by the worker machinery, so with the cache
  // on even one file runs there.
  bool UseCache = !CL.NoCache && !CL.Fix && !HeadersRequested &&
                  !CL.ExportFixes.getNumOccurrences() &&
                  (CL.CacheDir.getNumOccurrences() ||
                   !ResultCache::defaultDirectory().empty());
  if (CL.WorkerJson.empty() && ((Jobs > 1 && Files.size() > 1) || UseCache))
    return runInWorkers(CL, Argv[0], Files, FixedArgsCopy, Jobs, Changed);

  auto Begin = std::chrono::steady_clock::now();
  auto AnalysisStart = std::chrono::system_clock::now();
  ClangTidyContext Context(std::move(Provider), false, false, false);
  llvm::StringSet<> FilesRead;
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      CL.WorkerDeps.empty() ? llvm::vfs::getRealFileSystem()
                            : llvm::makeIntrusiveRefCnt<RecordingFileSystem>(
                                  llvm::vfs::getRealFileSystem(), FilesRead));
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, Compilations, Files, BaseFS,
                   /*ApplyAnyFix=*/false, /*EnableCheckProfile=*/false,
                   /*StoreCheckProfile=*/"", /*Quiet=*/CL.Quiet);
  std::vector<Finding> Findings = toFindings(Errors);
  // With headers asked for, only the files asked for report.
  if (HeadersRequested)
    filterFindings(Errors, Findings, [&](const Finding &F) {
      return Requested.contains(F.Where.File);
    });
  if (Changed)
    filterFindings(Errors, Findings, [&](const Finding &F) {
      return Changed->contains(F.Where.File, F.Where.Line);
    });
  if (CL.BaselineFile.getNumOccurrences())
    if (int Status = applyBaseline(CL, Errors, Findings))
      return Status;
  llvm::StringSet<> FailedFiles;
  for (const ClangTidyError &E : Errors)
    if (E.DiagLevel == ClangTidyError::Error && isCompilerDiagnostic(E))
      FailedFiles.insert(E.Message.FilePath);

  if (!CL.WorkerDeps.empty())
    if (llvm::Error E =
            llvm::writeToOutput(CL.WorkerDeps, [&](llvm::raw_ostream &OS) {
              for (const auto &Entry : FilesRead)
                OS << Entry.first() << "\n";
              return llvm::Error::success();
            }))
      return usageError(llvm::toString(std::move(E)));
  if (!CL.WorkerJson.empty()) {
    // A worker hands its findings to its parent, with absolute paths.
    if (llvm::Error E =
            llvm::writeToOutput(CL.WorkerJson, [&](llvm::raw_ostream &OS) {
              writeFindings(Format::Json, Findings, "", Files.size(), OS);
              return llvm::Error::success();
            }))
      return usageError(llvm::toString(std::move(E)));
  }
  if (CL.WriteBaseline.getNumOccurrences() && CL.WorkerJson.empty())
    return recordBaseline(CL, Findings, FailedFiles.size());
  if (CL.OutputFormat == Format::Text) {
    unsigned WarningsAsErrors = 0;
    handleErrors(Errors, Context, FB_NoFix, WarningsAsErrors, BaseFS);
  } else {
    printCompilerErrors(Errors);
    if (int Status = writeReport(CL, Findings, Files.size()))
      return Status;
  }
  if (CL.ExportFixes.getNumOccurrences())
    if (llvm::Error E =
            llvm::writeToOutput(CL.ExportFixes, [&](llvm::raw_ostream &OS) {
              exportReplacements(Files.size() == 1 ? Files.front() : "", Errors,
                                 OS);
              return llvm::Error::success();
            }))
      return usageError("cannot write '" + CL.ExportFixes +
                        "': " + llvm::toString(std::move(E)));
  if (CL.Fix) {
    FixSummary Fixed = applyFixes(Errors, AnalysisStart, llvm::errs());
    if (!CL.Quiet)
      llvm::errs() << "applied " << Fixed.Applied
                   << (Fixed.Applied == 1 ? " fix" : " fixes") << " in "
                   << Fixed.FilesWritten
                   << (Fixed.FilesWritten == 1 ? " file" : " files")
                   << "; skipped " << Fixed.Conflicting << " overlapping and "
                   << Fixed.FilesSkipped << " files\n";
  }
  if (!CL.Quiet)
    printSummary(Findings, Files.size(), FailedFiles.size(),
                 secondsSince(Begin));
  if (!FailedFiles.empty() && !CL.IgnoreAnalysisErrors)
    return ExitAnalysisFailed;
  return Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace async_lint
