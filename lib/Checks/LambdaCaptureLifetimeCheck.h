//===--- LambdaCaptureLifetimeCheck.h - async-lint --------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
#define ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H

#include "../Model/CallInfo.h"
#include "../Model/FunctionWaits.h"
#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>

namespace clang::tidy::async {

/// Finds coroutine lambdas whose closure or captured locals die while their
/// coroutine still runs.
///
/// Its rules: closures and captured locals (LambdaCaptureLifetimeCheck.cpp),
/// closures consumed by the code they are handed to
/// (LambdaCaptureConsumers.cpp), and 'this' in a detached lambda with nothing
/// that keeps the object alive (LambdaCaptureOwners.cpp).
class LambdaCaptureLifetimeCheck : public AsyncCheck {
public:
  LambdaCaptureLifetimeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// The call operator of a coroutine lambda with captures, or null.
  static const CXXMethodDecl *capturingCoroutine(const CXXRecordDecl *Closure);
  /// True when the coroutine lambda \p Op copies its closure into its frame:
  /// an explicit object parameter taken by value (C++23 'this auto self').
  static bool copiesClosure(const CXXMethodDecl &Op);

  /// The first use in the coroutine lambda \p Op of a capture that may run
  /// after the coroutine has suspended; with \p FromStart, any use. \p Var
  /// selects the capture: a captured variable, the closure type for 'this',
  /// null for any. Null when there is none.
  const Stmt *firstCaptureUse(const CXXMethodDecl &Op, const Decl *Var,
                              bool FromStart, ASTContext &Ctx);
  /// Reports the closure of a coroutine lambda called by \p Call dying
  /// before the task; true when it did.
  bool checkClosure(const CallExpr &Call, const CXXMethodDecl &Op,
                    CheckedFunction &Encl);
  /// True when the function \p Encl waits out the task of the coroutine
  /// lambda \p Op, of fate \p F, before \p Dying (its closure or a
  /// captured local) dies: a wait linked to the task on every path, or a
  /// joining executor that runs it and dies first (model::FunctionWaits).
  bool waitedOut(const CXXMethodDecl &Op, const model::TaskFate &F,
                 const VarDecl &Dying, CheckedFunction &Encl);
  /// Reports locals captured by reference, and an unowned 'this', of a
  /// coroutine lambda whose task (created at \p Origin in \p Encl) has fate
  /// \p F.
  void checkCaptures(const CXXMethodDecl &Op, const Expr &Origin,
                     const model::TaskFate &F, bool FromStart,
                     CheckedFunction &Encl);
  /// Reports a capturing coroutine lambda handed to an API that calls it
  /// and then destroys it.
  void checkCallbacks(const CallExpr &Call, ASTContext &Ctx);
  /// How a callee consumes a function object: the statement of its body
  /// that calls it and lets the closure die when it returns (a by-value
  /// parameter or a local copy), or drops the task of a call of the caller's
  /// temporary (\p Temporary: a reference parameter).
  struct Consumption {
    const Stmt *CalledAt = nullptr;
    bool Temporary = false;
  };
  /// How the visible body of the function \p Call calls consumes its
  /// function-object argument \p I; empty when it does not.
  Consumption consumerCall(const CallExpr &Call, unsigned I,
                           const model::CallInfo &Info);
  /// Reports the capturing coroutine lambda that \p Call (of
  /// ComposeFunctions) makes the implementation of an asynchronous
  /// operation, when it uses a capture after it may have suspended.
  void checkComposed(const CallExpr &Call, StringRef Composer, ASTContext &Ctx);
  /// A note at \p Use, a capture (or 'this') read after a suspension.
  void lateCaptureNote(const Stmt &Use);
  /// A note at where a visible consumer calls the lambda.
  void calledAtNote(const Consumption &By);
  /// Reports reference parameters of eager coroutines, called by the lambda
  /// \p Lambda (not a coroutine itself) that \p Consumer calls and destroys,
  /// bound to the lambda's copied captures.
  void checkBorrowedCaptures(const LambdaExpr &Lambda, const CXXMethodDecl &Op,
                             StringRef Consumer, const Consumption &By,
                             ASTContext &Ctx);
  /// The first use of \p Param of the eager coroutine \p Coro that may run
  /// after it has suspended (memoised).
  const Stmt *lateParameterUse(const FunctionDecl &Coro,
                               const ParmVarDecl *Param, ASTContext &Ctx);

  // Detached owners.
  /// A coroutine lambda capturing 'this' that a member function starts
  /// detached, with nothing that keeps the object alive.
  struct DetachedThis {
    model::TaskFate Fate;
    const Stmt *Use = nullptr;
    bool FromStart = false;
  };
  /// The first use of 'this' by the coroutine lambda \p Op, created in
  /// \p Encl, when its task (of fate \p F) runs detached and nothing ties
  /// the object to it (a captured shared_ptr or weak_ptr, a call of
  /// OwnerFunctions, an executor or scope the object owns); null otherwise.
  const Stmt *unownedThisUse(const CXXMethodDecl &Op, const model::TaskFate &F,
                             bool FromStart, const CheckedFunction &Encl);
  /// What the member function \p M detaches on '*this' (memoised).
  const DetachedThis *detachedThis(const CXXMethodDecl &M, ASTContext &Ctx);
  /// Calls of member functions that detach a 'this'-capturing coroutine
  /// lambda, made on an object the calling function destroys while the
  /// task runs.
  void checkDetachingCalls(CheckedFunction &F);

  const model::NameMatcher OwnerFunctions;
  llvm::DenseMap<const FunctionDecl *, std::optional<DetachedThis>>
      DetachedThises;
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
  /// The waits of the function being judged, built when first asked.
  std::unique_ptr<model::FunctionWaits> OwnWaits;
  const FunctionDecl *OwnWaitsOf = nullptr;
  llvm::DenseMap<const ParmVarDecl *, const Stmt *> ParamLateUses;
  /// First capture uses, after a suspension [0] and from the start [1].
  llvm::DenseMap<std::pair<const Decl *, const Decl *>, const Stmt *>
      FirstUses[2];
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
