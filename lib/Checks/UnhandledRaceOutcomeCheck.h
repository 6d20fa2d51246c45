//===--- UnhandledRaceOutcomeCheck.h - async-lint --------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
#define ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Finds race results read as one alternative without checking which side completed.
class UnhandledRaceOutcomeCheck : public ClangTidyCheck {
public:
  UnhandledRaceOutcomeCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNHANDLEDRACEOUTCOMECHECK_H
