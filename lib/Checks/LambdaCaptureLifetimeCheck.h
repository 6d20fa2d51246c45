//===--- LambdaCaptureLifetimeCheck.h - async-lint --------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
#define ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H

#include "../Model/ClosureConsumers.h"
#include "../Model/DetachedLambdas.h"
#include "../Model/TaskWaits.h"
#include "AsyncCheck.h"

namespace clang::tidy::async {

/// Finds coroutine lambdas whose closure or captured locals die while their
/// coroutine still runs.
///
/// Its rules: closures and captured locals (LambdaCaptureLifetimeCheck.cpp),
/// closures consumed by the code they are handed to
/// (LambdaCaptureConsumers.cpp), and 'this' in a detached lambda with nothing
/// that keeps the object alive (LambdaCaptureOwners.cpp). The facts are the
/// model's (CaptureUses, ClosureConsumers, DetachedLambdas, TaskWaits).
class LambdaCaptureLifetimeCheck : public AsyncCheck {
public:
  LambdaCaptureLifetimeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// The session's analyses under this check's library lists.
  model::LibraryAnalyses analyses();
  /// True when \p Encl waits out the task of \p Op before \p Dying dies.
  bool waitedOut(const CXXMethodDecl &Op, const model::TaskFate &F,
                 const VarDecl &Dying, CheckedFunction &Encl);
  /// Reports the closure of a coroutine lambda called by \p Call dying
  /// before the task; true when it did.
  bool checkClosure(const CallExpr &Call, const CXXMethodDecl &Op,
                    CheckedFunction &Encl);
  /// Reports locals captured by reference, and an unowned 'this', of a
  /// coroutine lambda whose task (created at \p Origin in \p Encl) has fate
  /// \p F.
  void checkCaptures(const CXXMethodDecl &Op, const Expr &Origin,
                     const model::TaskFate &F, bool FromStart,
                     CheckedFunction &Encl);
  /// Reports a capturing coroutine lambda handed to an API that calls it
  /// and then destroys it.
  void checkCallbacks(const CallExpr &Call, ASTContext &Ctx);
  /// Reports the capturing coroutine lambda that \p Call (of
  /// ComposeFunctions) makes the implementation of an asynchronous
  /// operation, when it uses a capture after it may have suspended.
  void checkComposed(const CallExpr &Call, StringRef Composer);
  void lateCaptureNote(const Stmt &Use);
  void calledAtNote(const model::Consumption &By);
  /// Reports reference parameters of eager coroutines, called by the lambda
  /// \p Lambda (not a coroutine itself) that \p Consumer calls and destroys,
  /// bound to the lambda's copied captures.
  void checkBorrowedCaptures(const LambdaExpr &Lambda, const CXXMethodDecl &Op,
                             StringRef Consumer, const model::Consumption &By,
                             ASTContext &Ctx);
  void checkDetachingCalls(CheckedFunction &F);

  const model::NameMatcher OwnerFunctions;
  const model::NameMatcher CallbackFunctions;
  const model::NameMatcher ComposeFunctions;
  /// What waits for work to finish (SyncWaitFunctions and JoinMembers).
  const model::NameMatcher Waits;
  /// Calls that block until something completes, for the function's own
  /// waits: BlockingWaits with SyncWaitFunctions and JoinMembers.
  const model::NameMatcher BlockingWaits;
  const model::NameMatcher AllBlockingWaits;
  /// Executor classes whose destructor waits for the work they run.
  const model::NameMatcher JoiningExecutors;
  model::TaskWaits OwnWaits{AllBlockingWaits, JoiningExecutors};
  model::CaptureUses Uses;
  model::DetachedLambdas Detached{OwnerFunctions, Uses};
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
