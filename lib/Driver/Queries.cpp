//===--- Queries.cpp - async-lint -----------------------------------------===//

#include "Queries.h"
#include "AsyncLint.h"
#include "Driver.h"
#include "Layout.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;

namespace async_lint {

namespace {

/// The file that stands for "here" when options are asked without inputs.
std::string configAnchor(const CommandLine &CL) {
  if (!CL.Paths.empty())
    return CL.Paths.front();
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  llvm::sys::path::append(Cwd, "dummy.cpp");
  return std::string(Cwd);
}

int listChecks(const CommandLine &CL, const Configuration &Config) {
  ClangTidyOptions Options = Config.provider()->getOptions(configAnchor(CL));
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

int dumpConfig(const CommandLine &CL, const Configuration &Config) {
  ClangTidyOptions Options = Config.provider()->getOptions(configAnchor(CL));
  ClangTidyOptions CheckOptions;
  CheckOptions.CheckOptions = getCheckOptions(Options, false, false);
  Options = Options.merge(CheckOptions, 0);
  llvm::outs() << configurationAsText(Options) << "\n";
  return ExitClean;
}

int printPluginPath(const CommandLine &CL, Plugin Which) {
  llvm::Expected<std::string> Path = pluginPath(CL.Argv0.c_str(), Which);
  if (!Path)
    return usageError(llvm::toString(Path.takeError()));
  llvm::outs() << *Path << "\n";
  return ExitClean;
}

} // namespace

std::optional<int> answerLayoutQuery(const CommandLine &CL) {
  if (CL.PrintPluginPath)
    return printPluginPath(CL, Plugin::ClangTidy);
  if (CL.PrintCompilerPluginPath)
    return printPluginPath(CL, Plugin::Compiler);
  return std::nullopt;
}

std::optional<int> answerQuery(const CommandLine &CL,
                               const Configuration &Config) {
  if (CL.Explain.getNumOccurrences())
    return explain(CL.Explain);
  if (CL.ListChecks)
    return listChecks(CL, Config);
  if (CL.DumpConfig)
    return dumpConfig(CL, Config);
  return std::nullopt;
}

} // namespace async_lint
