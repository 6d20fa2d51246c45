//===--- DiscardedAwaitableCheck.h - async-lint ------------------*- C++
//-*-===//

#ifndef ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
#define ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H

#include "../Model/Awaitables.h"
#include "../Model/Library.h"
#include "../Model/PathFacts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds tasks and awaitables that are created and then dropped without being
/// awaited.
class DiscardedAwaitableCheck : public ClangTidyCheck {
public:
  DiscardedAwaitableCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;

private:
  /// What dropping a value of some type means; Kind::None when nothing.
  struct Verdict {
    enum class Kind { None, Task, Awaitable, DeferredOperation } What;
    model::Laziness Laziness;
  };
  Verdict judge(QualType T, const Expr *Call) const;
  Verdict judgeType(QualType T) const;
  void checkDiscarded(const FunctionDecl &FD, const Expr *E, bool Statement,
                      bool VoidCast, ASTContext &Ctx);
  void checkLocals(const FunctionDecl &FD, const Stmt *Body, ASTContext &Ctx);

  const bool FlagVoidCasts;
  const model::Library Lib;
  model::PathFactsCache Facts;
  llvm::DenseSet<unsigned> Reported;
  mutable llvm::DenseMap<const Type *, Verdict> TypeVerdicts;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
