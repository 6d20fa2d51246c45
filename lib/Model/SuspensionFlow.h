//===--- SuspensionFlow.h - async-lint --------------------------*- C++ -*-===//
//
// What is true at each suspension point of a coroutine: on the function's
// CFG (every expression its own element, with implicit destructors; built
// once by the unit's AnalysisSession), its suspension points, and a forward
// dataflow over it that tells, for facts a check begins and ends along paths (a
// lock taken and released, per-thread state captured), which may still hold
// where the coroutine suspends.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SUSPENSIONFLOW_H
#define ASYNC_LINT_MODEL_SUSPENSIONFLOW_H

#include "LocalFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;

/// The facts that may hold at a point of a function: each keyed by what a
/// check tracks (a lock's variable, a mutex's declaration), with the
/// statement where it began on some path to that point.
using HeldFacts = llvm::SmallDenseMap<const void *, const Stmt *, 4>;

/// How the code changes the facts a check tracks. Each callback may add
/// (begin) or erase (end) facts; an empty callback changes nothing.
struct FactTransfer {
  /// A statement (every expression is one, in evaluation order).
  llvm::function_ref<void(const Stmt &, HeldFacts &)> Statement;
  /// The implicit destruction of a local at the end of its scope.
  llvm::function_ref<void(const VarDecl &, HeldFacts &)> Destroyed;
  /// The edge of a branch on \p Cond, when it is \p Taken (true) or not.
  llvm::function_ref<void(const Expr &Cond, bool Taken, HeldFacts &)> Branch;
};

/// A fact that may hold where the coroutine suspends.
struct HeldAtSuspension {
  const CoroutineSuspendExpr *Suspension = nullptr;
  const void *Key = nullptr;
  /// Where the fact began (on one path that reaches the suspension).
  const Stmt *Since = nullptr;
};

/// The suspension points of one function's body that can suspend
/// (canSuspend), on its CFG. Built once per function and unit and shared by
/// the checks (AnalysisSession, CheckedFunction::suspensions()).
class SuspensionFlow {
public:
  /// The flow on \p Graph, a function's CFG (buildFunctionCFG); nothing
  /// suspends without one.
  SuspensionFlow(const CFG *Graph, ASTContext &Ctx,
                 const NameMatcher *NonSuspending);
  ~SuspensionFlow();

  /// The suspension points that can suspend, in source order.
  ArrayRef<const CoroutineSuspendExpr *> points() const { return Points; }

  /// The suspension points that can suspend within \p S (its own code: not
  /// nested lambdas or local classes).
  std::vector<const CoroutineSuspendExpr *> pointsWithin(const Stmt &S) const;

  /// For every suspension point that can suspend, the facts of \p T that
  /// may hold there: begun on some path to it and not ended on that path
  /// (a may-analysis: a fact ended on one path and not on another still
  /// holds). In source order of the suspension points, then of the facts'
  /// beginnings. Empty when the function has no CFG.
  std::vector<HeldAtSuspension> heldAtSuspensions(const FactTransfer &T) const;

  /// The first statement satisfying \p IsUse that may run after control has
  /// gone from \p From through a suspension point that can suspend, with
  /// that point (LocalFlow's firstUseAcrossSuspension, on this CFG). A path
  /// stops at a statement satisfying \p Ends, when given: where what
  /// \p From took is taken again or given a new value (From itself, run
  /// again in a loop, is one such statement only when \p Ends says so).
  LateUse
  firstUseAcross(const Stmt &From, llvm::function_ref<bool(const Stmt &)> IsUse,
                 llvm::function_ref<bool(const Stmt &)> Ends = {}) const;

  /// The first statement of the body, in source order, satisfying \p IsUse
  /// that may run after the function has suspended at a point that can
  /// suspend. Null when there is none. Nested lambdas and local classes are
  /// not part of the body. (In a lazy coroutine, suspended before its body
  /// runs, every statement may: model::firstOwnStmt answers without a CFG.)
  const Stmt *
  firstUseAfterSuspension(llvm::function_ref<bool(const Stmt &)> IsUse) const;

  /// True when \p S (a statement of the body) may run after the function
  /// has suspended at a point that can suspend.
  bool mayRunAfterSuspension(const Stmt &S) const;

  /// The statements of the body that may run after the function has
  /// suspended at a point that can suspend and is not one of \p Ready
  /// (awaits a caller knows do not suspend where they are: their awaitable
  /// is ready there). Not remembered.
  llvm::DenseSet<const Stmt *>
  afterSuspensionPast(const llvm::DenseSet<const Stmt *> &Ready) const;

  /// True when control can go from \p From back to \p From without passing
  /// a suspension point that can suspend (in a function that is not a
  /// coroutine: any cycle).
  bool repeatsWithoutSuspending(const Stmt &From) const;

private:
  /// The facts held at each point, in source order.
  std::vector<HeldAtSuspension>
  inSourceOrder(const llvm::DenseMap<const Stmt *, HeldFacts> &AtPoint) const;

  ASTContext &Ctx;
  const NameMatcher *NonSuspending;
  /// Owned by the session.
  const CFG *Graph;
  std::vector<const CoroutineSuspendExpr *> Points;
  /// The statements that may run after a suspension, once asked.
  mutable std::optional<llvm::DenseSet<const Stmt *>> AfterSuspension;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SUSPENSIONFLOW_H
