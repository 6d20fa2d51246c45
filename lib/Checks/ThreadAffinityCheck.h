//===--- ThreadAffinityCheck.h - async-lint ---------------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H
#define ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H

#include "../Model/NameMatcher.h"
#include "../Model/PerThreadGuards.h"
#include "../Model/ResumeThread.h"
#include "../Model/ThreadBoundState.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async {

/// Finds thread-bound state (a thread_local's address, a thread id, a guard
/// recording per-thread state) carried across a suspension point after which
/// the coroutine may resume on another thread.
///
/// The facts are the model's: which locals hold thread-bound state
/// (ThreadBoundState), which guards record per-thread state
/// (PerThreadGuards), where they are used after the coroutine may have moved
/// (UsesAfterThreadMove), and what shows that it may move (ResumeThread).
class ThreadAffinityCheck : public AsyncCheck {
public:
  ThreadAffinityCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  void checkTaking(CheckedFunction &F, const VarDecl &Var, const Stmt &From,
                   const model::ThreadTaking &T, const model::ThreadIdUses &U);
  void checkLocals(CheckedFunction &F);
  void checkGuards(CheckedFunction &F);
  /// The note at the suspension after which the coroutine may resume on
  /// another thread, with its evidence (shared by the locals' and the
  /// guards' findings).
  void noteResumesElsewhere(const CoroutineSuspendExpr &Suspension);
  /// True when a finding may rest on \p Suspension: the code shows that the
  /// coroutine may resume on another thread after it, or StrictResumeThread
  /// is on. Memoised.
  bool movesThread(const CoroutineSuspendExpr &Suspension);

  /// Functions the check does not judge.
  const model::NameMatcher IgnoredFunctions;
  /// Coroutine types whose coroutines always resume on the thread they
  /// started on; their coroutines are not judged.
  const model::NameMatcher SameThreadTaskTypes;
  /// Functions that return a pointer or reference to state of the thread
  /// that calls them.
  const model::NameMatcher ThreadAffineFunctions;
  /// Functions whose result identifies the thread that calls them.
  const model::NameMatcher ThreadIdFunctions;
  /// Functions whose result is a per-thread value a guard may record.
  const model::NameMatcher PerThreadValueFunctions;
  /// Functions whose awaited result resumes the coroutine on another
  /// executor or on a pool's thread.
  const model::NameMatcher ResumeElsewhereFunctions;
  /// Types whose construction runs a function object on a new thread.
  const model::NameMatcher ThreadTypes;
  /// Report at every suspension that can suspend, without evidence that the
  /// coroutine may move there (the reading before evidence was required).
  const bool StrictResumeThread;

  model::ResumeThread Resume;
  llvm::DenseMap<const CoroutineSuspendExpr *, model::ResumeEvidence> Evidence;

  /// Locals given thread-bound state, and guards of per-thread state.
  model::ThreadBoundState Bound;
  model::PerThreadGuards Guards;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_THREADAFFINITYCHECK_H
