//===--- UnboundedSpawnCheck.h - async-lint ---------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
#define ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H

#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async {

/// Finds loops and recursion that spawn tasks without a bound on how many run
/// at once.
///
/// Spawns in loops and recursion are here; tasks started all at once over a
/// range (fan-out through a container, parallel_for_each) are in
/// UnboundedSpawnFanOut.cpp, and the loops that size a pool in
/// UnboundedSpawnPool.cpp.
class UnboundedSpawnCheck : public AsyncCheck {
public:
  UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// What a call spawns: the spawned expression (a task, a function object)
  /// or null when the call is no spawn.
  const Expr *spawned(const CallExpr &Call) const;
  /// True when \p Loop's body limits how many tasks run at once.
  bool limited(const Stmt &Loop) const;
  /// True when \p Loop runs a number of times fixed before it starts; the
  /// parameters of \p Sizing, when given, count as fixed.
  static bool staticallyBounded(const Stmt &Loop, ASTContext &Ctx,
                                const FunctionDecl *Sizing = nullptr);
  /// True when the range \p Range has a size fixed by its type (an array, a
  /// std::array, an initializer list) or made from constants.
  static bool fixedSizeRange(const Expr *Range, ASTContext &Ctx);
  static const Stmt *loopBody(const Stmt &Loop);
  void checkLoop(const FunctionDecl &FD, const Stmt &Loop, ASTContext &Ctx);
  void checkRecursion(const FunctionDecl &FD, const Stmt *Body);

  // Pool sizing (UnboundedSpawnPool.cpp).
  /// True when \p Loop, in \p FD, sizes a pool: \p FD is a constructor or a
  /// static factory, the loop is bounded by what it is given, and every
  /// spawn of the loop keeps its worker in a member of the class that is
  /// joined or stopped with the object.
  bool sizesPool(const FunctionDecl &FD, const Stmt &Loop,
                 ASTContext &Ctx) const;

  // Fan-out (UnboundedSpawnFanOut.cpp).
  /// Tasks added to a local container, one per iteration of a loop without
  /// a bound, and combined all at once after it.
  struct FanOut {
    const VarDecl *Container;
    const Stmt *Add;
    const Stmt *Loop;
    const CallExpr *Combine;
    /// The task added.
    const Expr *Value;
  };
  llvm::SmallVector<FanOut, 1> fanOuts(const Stmt *Body, ASTContext &Ctx) const;
  void checkFanOut(const Stmt *Body, ASTContext &Ctx);
  /// parallel_for_each over a range of runtime size without a limit.
  void checkParallelForEach(CheckedFunction &F);
  /// True when the definition of \p Callee, visible here, fans out the
  /// tasks its parameter \p Param (a callable) returns: it calls it in a
  /// loop and combines the results all at once.
  bool fansOutCallable(const FunctionDecl &Callee, unsigned Param,
                       ASTContext &Ctx);

  const bool StrictMode;
  const model::NameMatcher LimiterFunctions;
  const model::NameMatcher SpawnLikeFunctions;
  const model::NameMatcher ParallelForEachFunctions;
  /// True when \p T is a task or an awaitable type (cached by type).
  bool isTaskOrAwaitable(QualType T);

  /// fansOutCallable, by callee and parameter.
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> FansOut;
  llvm::DenseMap<const Type *, bool> TaskOrAwaitable;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
