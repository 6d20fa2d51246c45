//===--- PluginOptions.cpp - async-lint -----------------------------------===//

#include "PluginOptions.h"
#include "AsyncOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <optional>

using namespace clang;
using namespace clang::tidy;

namespace async_lint {

namespace {

// The driver ends a plugin's name at the first dash of
// `-fplugin-arg-async-lint-checks=X`: the arguments reach the frontend as
// plugin "async"'s `lint-checks=X`.
constexpr llvm::StringLiteral DriverName = "async";
constexpr llvm::StringLiteral DriverPrefix = "lint-";

struct ParsedOptions {
  ClangTidyOptions Overrides;
  std::optional<ClangTidyOptions> ConfigFile;
  bool FollowWerror = false;
};

/// The arguments given with -fplugin-arg-async-lint-, then \p Args.
std::vector<std::string> allArguments(const CompilerInstance &Compiler,
                                      const std::vector<std::string> &Args) {
  std::vector<std::string> All;
  const auto &PluginArgs = Compiler.getFrontendOpts().PluginArgs;
  auto It = PluginArgs.find(DriverName.str());
  if (It != PluginArgs.end())
    for (llvm::StringRef Arg : It->second)
      if (Arg.consume_front(DriverPrefix))
        All.push_back(Arg.str());
  All.insert(All.end(), Args.begin(), Args.end());
  return All;
}

bool fail(const CompilerInstance &Compiler, const llvm::Twine &Message) {
  DiagnosticsEngine &Diags = Compiler.getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0"))
      << Message.str();
  return false;
}

bool readConfigFile(const CompilerInstance &Compiler, llvm::StringRef Path,
                    ParsedOptions &Parsed) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return fail(Compiler, "async-lint: cannot read config-file '" + Path +
                              "': " + Buffer.getError().message());
  llvm::ErrorOr<ClangTidyOptions> Config =
      parseConfiguration((*Buffer)->getMemBufferRef());
  if (!Config)
    return fail(Compiler, "async-lint: invalid configuration in '" + Path +
                              "': " + Config.getError().message());
  Parsed.ConfigFile = std::move(*Config);
  return true;
}

/// The option that \p Name sets, null when there is none by that name.
std::optional<std::string> *optionNamed(ClangTidyOptions &Options,
                                        llvm::StringRef Name) {
  if (Name == "checks")
    return &Options.Checks;
  if (Name == "warnings-as-errors")
    return &Options.WarningsAsErrors;
  if (Name == "header-filter")
    return &Options.HeaderFilterRegex;
  return nullptr;
}

bool parseArgument(const CompilerInstance &Compiler, llvm::StringRef Arg,
                   ParsedOptions &Parsed) {
  auto [Name, Value] = Arg.split('=');
  bool HasValue = Arg.contains('=');
  if (Name == "config-file" && HasValue)
    return readConfigFile(Compiler, Value, Parsed);
  if (Name == "werror" && HasValue) {
    if (Value != "follow" && Value != "ignore")
      return fail(Compiler, "async-lint: invalid value '" + Value +
                                "' of werror=; use werror=follow (-Werror "
                                "makes the findings errors) or werror=ignore");
    Parsed.FollowWerror = Value == "follow";
    return true;
  }
  // Summaries (docs/summaries.md): summary-out= writes the unit's summary
  // into a directory (the object's, to keep it beside the object),
  // summary-dir= reads the other units'. They set the global check options
  // the checks read, as the driver does.
  if ((Name == "summary-out" || Name == "summary-dir") && HasValue) {
    if (Value.empty())
      return fail(Compiler, "async-lint: " + Name + "= needs a directory");
    llvm::SmallString<256> Dir(Value);
    (void)llvm::sys::fs::make_absolute(Dir);
    Parsed.Overrides.CheckOptions[Name == "summary-out" ? "SummaryOutput"
                                                        : "SummaryDirectory"] =
        ClangTidyOptions::ClangTidyValue(Dir.str());
    return true;
  }
  std::optional<std::string> *Option = optionNamed(Parsed.Overrides, Name);
  if (!Option || !HasValue)
    return fail(Compiler, "async-lint: unknown option '" + Arg +
                              "'; the options are checks=, config-file=, "
                              "warnings-as-errors=, header-filter=, werror=, "
                              "summary-out= and summary-dir=");
  *Option = Value.str();
  return true;
}

} // namespace

std::optional<PluginOptions>
parsePluginOptions(const CompilerInstance &Compiler,
                   const std::vector<std::string> &Args) {
  ParsedOptions Parsed;
  for (const std::string &Arg : allArguments(Compiler, Args))
    if (!parseArgument(Compiler, Arg, Parsed))
      return std::nullopt;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks.str();
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  if (Parsed.ConfigFile)
    Inner = std::make_unique<ConfigOptionsProvider>(
        ClangTidyGlobalOptions(), std::move(Defaults), *Parsed.ConfigFile,
        std::move(Parsed.Overrides));
  else
    Inner = std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(),
                                                  std::move(Defaults),
                                                  std::move(Parsed.Overrides));
  PluginOptions Result;
  Result.Provider = onlyAsyncChecksFromFiles(std::move(Inner));
  Result.FollowWerror = Parsed.FollowWerror;
  return Result;
}

} // namespace async_lint
