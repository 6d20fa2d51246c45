//===--- LambdaCaptureLifetimeCheck.h - async-lint --------------*- C++ -*-===//

#ifndef ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
#define ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H

#include "AsyncCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds coroutine lambdas whose closure or captured locals die while their
/// coroutine still runs.
class LambdaCaptureLifetimeCheck : public AsyncCheck {
public:
  LambdaCaptureLifetimeCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void checkFunction(CheckedFunction &F) override;
  void storeCheckOptions(ClangTidyOptions::OptionMap &Opts) override;
  void startTranslationUnit() override;

private:
  /// The first use in the coroutine lambda \p Op of a capture that may run
  /// after the coroutine has suspended; with \p FromStart, any use. \p Var
  /// selects the capture: a captured variable, the closure type for 'this',
  /// null for any. Null when there is none.
  const Stmt *firstCaptureUse(const CXXMethodDecl &Op, const Decl *Var,
                              bool FromStart, ASTContext &Ctx);
  /// Reports the closure of a coroutine lambda called by \p Call dying
  /// before the task; true when it did.
  bool checkClosure(const CallExpr &Call, const CXXMethodDecl &Op,
                    const model::TaskFlow &Flow, ASTContext &Ctx);
  /// Reports locals captured by reference, and an unowned 'this', of a
  /// coroutine lambda whose task (created at \p Origin) has fate \p F.
  void checkCaptures(const CXXMethodDecl &Op, const Expr &Origin,
                     const model::TaskFate &F, bool FromStart,
                     const model::TaskFlow &Flow, ASTContext &Ctx);
  /// Reports a capturing coroutine lambda handed to an API that calls it
  /// and then destroys it.
  void checkCallbacks(const CallExpr &Call, ASTContext &Ctx);

  const model::NameMatcher CallbackFunctions;
  /// First capture uses, after a suspension [0] and from the start [1].
  llvm::DenseMap<std::pair<const Decl *, const Decl *>, const Stmt *>
      FirstUses[2];
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LAMBDACAPTURELIFETIMECHECK_H
