//===--- BusyLoopCheck.h - async-lint ---------------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_BUSYLOOPCHECK_H
#define ASYNC_LINT_CHECKS_BUSYLOOPCHECK_H

#include "../Model/EagerPrefix.h"
#include "../Model/NameMatcher.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async {

/// Finds loops in coroutines that can run without ever suspending, stalling
/// every other task on the executor.
class BusyLoopCheck : public AsyncCheck {
public:
  BusyLoopCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override {
    PlainStarts.clear();
    EagerTypes.clear();
  }

private:
  /// How a loop that never suspends would be reported; None when it is not.
  enum class Kind { None, Spin, Endless, RuntimeBound };

  /// Judges one loop of \p F; \p Next is the statement after it, if any.
  void checkLoop(const Stmt &Loop, const Stmt *Next, CheckedFunction &F);
  /// True when the suspension points and calls of \p Loop include a yield;
  /// sets \p OnlyFirst when its only suspension points await an eager task
  /// declared outside the loop (they suspend on the first iteration only).
  bool yields(const Stmt &Loop, CheckedFunction &F, bool &OnlyFirst);
  /// True when awaiting \p Operand, declared outside the loop and not
  /// assigned in it, suspends at most once: an eager task or a future.
  bool readyAfterFirstAwait(const Expr *Operand, const Stmt &Loop);
  /// True when \p T is a task or future that runs without being awaited
  /// and completes once (not a generator, which goes on after each value).
  bool isEagerType(QualType T);
  /// True when \p S is a call of a checkpoint function or an async sleep.
  bool isCheckpointCall(const Stmt &S) const;

  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
  /// Functions whose calls yield to the executor.
  const model::NameMatcher CheckpointFunctions;
  /// Calls that may return without doing anything (try-operations): a loop
  /// that retries one until it succeeds spins.
  const model::NameMatcher MayFailFunctions;
  /// Also reports loops whose bound is only known at run time.
  const bool CheckRuntimeBoundedLoops;
  /// Coroutines whose start runs on a plain thread, not an executor's.
  model::PlainThreadStarts PlainStarts;
  /// Memo of isEagerType, per class.
  llvm::DenseMap<const Type *, bool> EagerTypes;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_BUSYLOOPCHECK_H
