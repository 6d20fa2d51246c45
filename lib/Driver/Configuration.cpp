//===--- Configuration.cpp - async-lint -----------------------------------===//

#include "Configuration.h"
#include "AsyncOptions.h"
#include "Model/Summaries.h"
#include "Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace clang::tidy;

namespace async_lint {

namespace {

constexpr llvm::StringLiteral ConfigFileName = ".clang-tidy";

/// The options that the command line sets over every configuration.
ClangTidyOptions commandLineOverrides(const CommandLine &CL) {
  ClangTidyOptions Overrides;
  if (CL.Checks.getNumOccurrences())
    Overrides.Checks = CL.Checks;
  if (CL.WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = CL.WarningsAsErrors;
  if (CL.HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = CL.HeaderFilter;
  if (!CL.ExtraArgs.empty())
    Overrides.ExtraArgs.emplace(CL.ExtraArgs.begin(), CL.ExtraArgs.end());
  if (!CL.ExtraArgsBefore.empty())
    Overrides.ExtraArgsBefore.emplace(CL.ExtraArgsBefore.begin(),
                                      CL.ExtraArgsBefore.end());
  // The checks' analysis session prints each unit's statistics.
  if (CL.Stats)
    Overrides.CheckOptions["AnalysisStats"] =
        ClangTidyOptions::ClangTidyValue("true");
  // --summaries: the first phase runs only the checks that write
  // summaries (their list is the model's); the second reads them.
  auto Absolute = [](llvm::StringRef Dir) {
    llvm::SmallString<256> Path(Dir);
    (void)llvm::sys::fs::make_absolute(Path);
    return ClangTidyOptions::ClangTidyValue(Path.str());
  };
  if (!CL.SummaryOutput.empty()) {
    Overrides.Checks =
        "-*," + clang::tidy::async::model::SummaryWritingChecks.str();
    Overrides.CheckOptions["SummaryOutput"] = Absolute(CL.SummaryOutput);
  } else if (!CL.Summaries.empty()) {
    Overrides.CheckOptions["SummaryDirectory"] = Absolute(CL.Summaries);
  }
  return Overrides;
}

/// Parses a configuration's text; \p Origin is where it comes from, and
/// \p Named how the error names it.
llvm::Expected<ClangTidyOptions> parseConfigText(llvm::StringRef Text,
                                                 llvm::StringRef Origin,
                                                 llvm::StringRef Named) {
  llvm::ErrorOr<ClangTidyOptions> Parsed =
      parseConfiguration(llvm::MemoryBufferRef(Text, Origin));
  if (!Parsed)
    return llvm::createStringError("invalid configuration in " + Named + ": " +
                                   Parsed.getError().message());
  return std::move(*Parsed);
}

} // namespace

llvm::Expected<Configuration> Configuration::load(const CommandLine &CL) {
  Configuration Config;
  Config.Overrides = commandLineOverrides(CL);
  std::string Origin = "--config";
  if (CL.ConfigFile.getNumOccurrences()) {
    auto Buffer = llvm::MemoryBuffer::getFile(CL.ConfigFile);
    if (!Buffer)
      return llvm::createStringError("cannot read --config-file '" +
                                     CL.ConfigFile +
                                     "': " + Buffer.getError().message());
    Config.ExplicitText = (*Buffer)->getBuffer().str();
    Origin = CL.ConfigFile;
  } else if (CL.Config.getNumOccurrences()) {
    Config.ExplicitText = CL.Config;
  } else {
    return Config;
  }
  llvm::Expected<ClangTidyOptions> Parsed =
      parseConfigText(Config.ExplicitText, Origin, Origin);
  if (!Parsed)
    return Parsed.takeError();
  Config.Explicit = std::move(*Parsed);
  return Config;
}

std::unique_ptr<ClangTidyOptionsProvider>
Configuration::provider(llvm::StringRef HeaderRegex) const {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks.str();
  ClangTidyOptions Last = Overrides;
  if (!HeaderRegex.empty())
    Last.HeaderFilterRegex = HeaderRegex.str();
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  if (Explicit)
    Inner = std::make_unique<ConfigOptionsProvider>(ClangTidyGlobalOptions(),
                                                    std::move(Defaults),
                                                    *Explicit, std::move(Last));
  else
    Inner = std::make_unique<FileOptionsProvider>(
        ClangTidyGlobalOptions(), std::move(Defaults), std::move(Last));
  return onlyAsyncChecksFromFiles(std::move(Inner));
}

llvm::Error Configuration::checkFilesAbove(llvm::StringRef File) {
  if (Explicit)
    return llvm::Error::success();
  llvm::Error Result = llvm::Error::success();
  forEachAncestor(File, [&](llvm::StringRef Dir) {
    // A directory checked before: so were the ones above it.
    if (!CheckedDirs.insert(Dir).second)
      return false;
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, ConfigFileName);
    if (!llvm::sys::fs::is_regular_file(Path))
      return true;
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer) {
      Result = llvm::createStringError("cannot read '" + Path +
                                       "': " + Buffer.getError().message());
      return false;
    }
    llvm::Expected<ClangTidyOptions> Parsed =
        parseConfigText((*Buffer)->getBuffer(), Path, ("'" + Path + "'").str());
    if (!Parsed)
      Result = Parsed.takeError();
    return bool(Parsed);
  });
  return Result;
}

std::string Configuration::cacheContext(llvm::StringRef File) const {
  std::string Context = ExplicitText;
  forEachAncestor(File, [&](llvm::StringRef Dir) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, ConfigFileName);
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path))
      Context += "\n" + Path.str().str() + "\n" + (*Buffer)->getBuffer().str();
    return true;
  });
  return Context;
}

} // namespace async_lint
