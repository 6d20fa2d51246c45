//===--- DiscardedAwaitableCheck.h - async-lint -----------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
#define ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H

#include "../Model/DroppedParameters.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds tasks and awaitables that are created and then dropped without being
/// awaited.
class DiscardedAwaitableCheck : public AsyncCheck {
public:
  DiscardedAwaitableCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;
  void endTranslationUnit() override { Drops.endUnit(); }

private:
  using Verdict = model::DropVerdict;
  void checkDiscarded(const FunctionDecl &FD, const Expr *E, bool Statement,
                      bool VoidCast, ASTContext &Ctx);
  /// Reports the discarded call \p Call; with \p Fixable, offers to await it.
  void reportDiscarded(const FunctionDecl &FD, const Expr &Call,
                       const Verdict &V, bool Fixable);
  /// Local tasks and awaitables dropped on some path without being awaited.
  void checkLocals(CheckedFunction &F);
  /// Reports \p Var not awaited on every path (\p Read: some path uses it).
  void reportUnawaited(const VarDecl &Var, const Verdict &V, bool Read);
  /// Local containers of tasks that nothing awaits, spawns or hands on.
  void checkContainers(CheckedFunction &F);

  const bool FlagVoidCasts;
  /// Wrappers that await what their callable returns (DroppingWrappers.h);
  /// members that attach a continuation (ContinuationCalls.h).
  const model::NameMatcher AwaitingWrappers, ContinuationMembers;
  model::DropVerdicts Verdicts{Lib};
  model::ParameterDrops Drops;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
