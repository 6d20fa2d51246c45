//===--- UnboundedSpawnCheck.h - async-lint ----------------------*- C++
//-*-===//

#ifndef ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
#define ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H

#include "../Model/Library.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// Finds loops and recursion that spawn tasks without a bound on how many run
/// at once.
class UnboundedSpawnCheck : public ClangTidyCheck {
public:
  UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  /// What a call spawns: the spawned expression (a task, a function object)
  /// or null when the call is no spawn.
  const Expr *spawned(const CallExpr &Call) const;
  /// True when \p Loop's body limits how many tasks run at once.
  bool limited(const Stmt &Loop) const;
  void checkLoop(const FunctionDecl &FD, const Stmt &Loop, ASTContext &Ctx);
  void checkFanOut(const Stmt *Body, ASTContext &Ctx);
  void checkRecursion(const FunctionDecl &FD, const Stmt *Body);

  const bool StrictMode;
  const model::NameMatcher LimiterFunctions;
  const model::NameMatcher SpawnLikeFunctions;
  const model::Library Lib;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
