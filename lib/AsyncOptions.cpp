//===--- AsyncOptions.cpp - async-lint ------------------------------------===//

#include "AsyncOptions.h"

using namespace clang::tidy;

namespace async_lint {

namespace {

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

} // namespace

std::unique_ptr<ClangTidyOptionsProvider>
onlyAsyncChecksFromFiles(std::unique_ptr<ClangTidyOptionsProvider> Inner) {
  return std::make_unique<AsyncLintOptionsProvider>(std::move(Inner));
}

} // namespace async_lint
