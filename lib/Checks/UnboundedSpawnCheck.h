//===--- UnboundedSpawnCheck.h - async-lint ---------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
#define ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H

#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds loops and recursion that spawn tasks without a bound on how many run
/// at once.
class UnboundedSpawnCheck : public AsyncCheck {
public:
  UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;

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
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
