//===--- UnboundedSpawnCheck.h - async-lint ---------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
#define ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H

#include "../Model/FanOuts.h"
#include "../Model/SpawnSites.h"
#include "../Model/SummaryFiles.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async {

/// Finds loops and recursion that spawn tasks without a bound on how many run
/// at once.
class UnboundedSpawnCheck : public AsyncCheck {
public:
  UnboundedSpawnCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;
  void endTranslationUnit() override { Writer.flush(); }

private:
  /// Shows \p F as the model made it.
  void emit(const model::Finding &F);
  /// What a call of \p F spawns (model::spawnedBy under this check's lists).
  const Expr *spawned(const CallExpr &Call, const CheckedFunction &F);
  void checkLoop(CheckedFunction &F, const Stmt &Loop);
  void checkFanOut(CheckedFunction &Fn);
  /// parallel_for_each over a range of runtime size without a limit.
  void checkParallelForEach(CheckedFunction &F);
  /// True when \p T is a task or an awaitable type (cached by type).
  bool isTaskOrAwaitable(QualType T);

  const bool StrictMode;
  const model::NameMatcher LimiterFunctions;
  const model::NameMatcher SpawnLikeFunctions;
  const model::NameMatcher ParallelForEachFunctions;
  const model::FanOutLists FanOutLists;
  const model::NameMatcher TransformFunctions;
  const model::NameMatcher TransformViews;
  const model::TransformLists Transforms;

  model::CallableFanOuts FansOut;
  /// The function's spawns, in order, with what each spawns (found once).
  llvm::SmallVector<std::pair<const CallExpr *, const Expr *>, 4> Spawns;
  llvm::SmallPtrSet<const CallExpr *, 4> SpawnCalls;
  llvm::DenseMap<const Type *, bool> TaskOrAwaitable;
  /// Whether a call returning a type runs detached, by type (spawnedBy).
  model::EagerTaskMemo EagerTasks;
  /// Calls whose callee spawns on every call, by another unit's summary.
  llvm::DenseMap<const CallExpr *, const model::Summary *> SummarisedSpawns;
  model::SummaryWriter Writer;
  model::SummaryReader Reader;
  /// Calls that join every task of a range (JoinedBatches.h).
  const model::NameMatcher WaitAll;
  /// What waits for a task (untimedJoins): in place, or each of a batch.
  const model::NameMatcher Joins;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_UNBOUNDEDSPAWNCHECK_H
