//===--- AsyncCheck.h - async-lint ------------------------------*- C++ -*-===//
//
// The frame every async-lint check shares, so that a check's file holds its
// rule and nothing else: which functions it judges (one matcher, one entry
// guard), the shared library lists read as options, the model's per-function
// facts and task flow built on first use, and report-once.
//
// A check derives from AsyncCheck, says what it judges in its constructor,
// and implements checkFunction; its own options are read in its constructor
// and stored in storeCheckOptions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_ASYNCCHECK_H
#define ASYNC_LINT_CHECKS_ASYNCCHECK_H

#include "../Model/Library.h"
#include "../Model/PathFacts.h"
#include "../Model/SuspensionFlow.h"
#include "../Model/TaskFlow.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::async {

/// One function a check judges, and what the model knows of it. The task
/// flow and the path facts are built the first time a rule asks.
class CheckedFunction {
public:
  CheckedFunction(const FunctionDecl &Decl, const Stmt &Body, ASTContext &Ctx,
                  const model::Library &Lib, model::PathFactsCache &Facts)
      : Decl(Decl), Body(Body), Ctx(Ctx), Lib(Lib), FactsCache(Facts) {}

  /// The function (a lambda's call operator for a lambda).
  const FunctionDecl &Decl;
  /// The body as written (a coroutine's user body, not the promise frame).
  const Stmt &Body;
  ASTContext &Ctx;

  /// True when the body is a coroutine body.
  bool isCoroutine() const;
  /// Calls \p Visit for every statement that runs as part of this function
  /// (model::forEachOwnStmt): not the bodies of lambdas or local classes.
  void forEachStmt(llvm::function_ref<void(const Stmt &)> Visit) const;
  /// Calls \p Visit for every variable declared by a statement of this
  /// function (not its parameters), with the declaration statement.
  void forEachLocal(
      llvm::function_ref<void(const VarDecl &, const DeclStmt &)> Visit) const;
  /// What becomes of the tasks this function creates.
  const model::TaskFlow &flow();
  /// Which results are ready and which handles are empty, along each path.
  const model::PathFacts &facts();
  /// The suspension points and what may hold at each (one CFG per function
  /// and translation unit, shared by every check).
  const model::SuspensionFlow &suspensions();

private:
  const model::Library &Lib;
  model::PathFactsCache &FactsCache;
  std::unique_ptr<model::TaskFlow> Flow;
};

/// The base of every async-lint check.
class AsyncCheck : public ClangTidyCheck {
public:
  /// The functions a check is given.
  enum class Judges {
    /// Coroutine definitions (functions and lambdas).
    Coroutines,
    /// Every function definition with a body.
    Functions,
  };

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const final {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) final;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) final;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) final;
  void onStartOfTranslationUnit() final;
  void onEndOfTranslationUnit() final;

protected:
  /// \p Templates: also judge the patterns of templates (where types are
  /// still dependent); by default only their instantiations are judged.
  /// \p StoresLibrary: the check reads the shared library lists and shows
  /// them in its options (-dump-config).
  AsyncCheck(StringRef Name, ClangTidyContext *Context, Judges What,
             bool Templates = false, bool StoresLibrary = true);

  /// Judges one function: a valid definition of the kind the check judges.
  virtual void checkFunction(CheckedFunction &F) = 0;
  /// Stores the check's own options (the library lists are stored here).
  virtual void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {}
  /// Forgets what the check remembered of the previous translation unit.
  virtual void startTranslationUnit() {}

  /// True the first time a finding is reported at \p Loc in this
  /// translation unit; false for an invalid location or a second time.
  bool reportOnce(SourceLocation Loc);

  /// The suspension flow of any function with a body (a callee, a lambda's
  /// call operator), shared with every check as CheckedFunction's is.
  const model::SuspensionFlow &suspensionsOf(const FunctionDecl &Function,
                                             ASTContext &Ctx) const;
  /// The first statement of \p Coro's body satisfying \p IsUse that may run
  /// after it has suspended; with \p FromStart (a lazy coroutine, suspended
  /// before its body runs), the first at all, found without a CFG.
  const Stmt *
  firstUseAfterSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                          llvm::function_ref<bool(const Stmt &)> IsUse,
                          bool FromStart) const;

  /// The shared lists of what coroutine libraries are made of.
  const model::Library Lib;
  /// Path facts of every function judged or asked about (helpers, callees).
  model::PathFactsCache Facts;

private:
  const Judges What;
  const bool Templates;
  const bool StoresLibrary;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_ASYNCCHECK_H
