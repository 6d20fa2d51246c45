//===--- DiscardedAwaitableCheck.h - async-lint -----------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
#define ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H

#include "../Model/DroppedParameters.h"
#include "../Model/EscapingThrows.h"
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
  /// True when the dropped call \p Call attaches a continuation whose
  /// callable observes the result and nothing it loses can be shown: no
  /// error callable is needed, or the source cannot be seen to throw.
  /// Sets \p Throw to where the source throws when that is what is lost.
  bool observedContinuation(const Expr &Call, const Verdict &V,
                            const Stmt *&Throw, ASTContext &Ctx);
  /// Reports the discarded call \p Call; with \p Fixable, offers to await it.
  void reportDiscarded(const FunctionDecl &FD, const Expr &Call,
                       const Verdict &V, bool Fixable,
                       const Stmt *Throw = nullptr);
  /// Notes that the continuation \p Callee returned loses the failure of
  /// the task it continues, thrown at \p Throw.
  void noteLostFailure(SourceLocation Loc, StringRef Callee, const Stmt &Throw);
  /// Local tasks and awaitables dropped on some path without being awaited.
  void checkLocals(CheckedFunction &F);
  /// Reports \p Var not awaited on every path (\p Read: some path uses it).
  void reportUnawaited(const VarDecl &Var, const Verdict &V, bool Read);
  /// Local containers of tasks that nothing awaits, spawns or hands on.
  void checkContainers(CheckedFunction &F);

  const bool FlagVoidCasts;
  /// Wrappers that await what their callable returns (DroppingWrappers.h).
  const model::NameMatcher AwaitingWrappers;
  /// Members that attach a continuation (ContinuationCalls.h).
  const model::NameMatcher ContinuationMembers;
  /// How a continued task is judged to throw (EscapingThrows.h).
  model::ThrowPolicy Policy;
  model::DropVerdicts Verdicts{Lib};
  model::ParameterDrops Drops;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DISCARDEDAWAITABLECHECK_H
