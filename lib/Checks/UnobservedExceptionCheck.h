//===--- UnobservedExceptionCheck.h - async-lint ----------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H
#define ASYNC_LINT_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H

#include "../Model/CallInfo.h"
#include "../Model/DetachedParameters.h"
#include "../Model/ListOptions.h"
#include "../Model/LostExceptions.h"
#include "../Model/SummaryFiles.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds exceptions of detached tasks, swallowing promises and threads that
/// nobody observes.
///
/// Across units, through summaries of the coroutines whose exception
/// escapes (SummaryOutput writes them, SummaryDirectory reads).
class UnobservedExceptionCheck : public AsyncCheck {
public:
  UnobservedExceptionCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override {
    Runs.clear();
    FailureClasses.reset();
    Overrides.reset();
    Writer.flush();
    Reader.startUnit(Facts.session().summaryIndexes());
    Detaches.startUnit(Facts.session().summaryIndexes());
  }
  void endTranslationUnit() override {
    Writer.flush();
    Detaches.endUnit();
  }

private:
  /// Shows \p F as the model made it.
  void emit(const model::Finding &F);
  /// Summarises \p Coro when its exception escapes (SummaryOutput).
  void summarise(const FunctionDecl &Coro, ASTContext &Ctx);
  void checkPromise(const FunctionDecl &Coro, ASTContext &Ctx);
  void checkSpawn(const CallExpr &Call,
                  const std::optional<model::CallInfo> &Info, ASTContext &Ctx);
  /// A spawn that gives what it starts no error channel and drops its
  /// exceptions (DiscardingSpawnFunctions).
  void checkDroppingSpawn(const CallExpr &Call,
                          const std::optional<model::CallInfo> &Info,
                          ASTContext &Ctx);

  model::NameMatcher DiscardingTokens;
  model::NameMatcher DiscardingSpawnFunctions;
  model::NameMatcher FailureTypes;
  model::NameMatcher ThrowingTokens;
  model::NameMatcher ThrowingFunctions;
  model::NameMatcher FirstSuccessCombinators;
  model::NameMatcher CancelOnlyOperations;
  model::NameMatcher ValueTests;
  model::NameMatcher ErrorTests;
  model::NameMatcher ValueAccessors;
  model::NameMatcher RecoveryFunctions, ForwardingAdaptors;
  model::NameMatcher PreconditionExceptions;
  const bool AnyCallMayThrow;
  model::ThrowPolicy Policy;
  /// Who overrides each virtual function, for virtual calls whose object's
  /// dynamic type is not visible.
  model::OverrideIndex Overrides;
  /// FailureTypes resolved to classes: a name in it may be an alias
  /// (libstdc++'s std::exception_ptr is a using-declaration).
  model::ResolvedTypes FailureClasses{FailureTypes};
  /// How a function runs what its parameter receives.
  model::DroppingRuns Runs;
  model::SummaryWriter Writer;
  model::SummaryReader Reader;
  /// The task parameters functions detach (the `detaches` fact).
  model::ParameterDetaches Detaches;

  /// The options that are lists of names, with their members.
  static llvm::ArrayRef<model::ListOption<UnobservedExceptionCheck>>
  listOptions();
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNOBSERVEDEXCEPTIONCHECK_H
