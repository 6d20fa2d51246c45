//===--- NonBlockingIO.h - async-lint ---------------------------*- C++ -*-===//
//
// Whether a system call is made on a descriptor the code drives without
// blocking: the function that makes it tests errno for one of the would-block
// errors (EAGAIN, EINPROGRESS), or the call is made on a member of the object
// that the class also hands to an asynchronous operation (sched.poll(m_fd)).
// Remembered per function and per class for a translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_NONBLOCKINGIO_H
#define ASYNC_LINT_MODEL_NONBLOCKINGIO_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang::tidy::async::model {

class NonBlockingIO {
public:
  /// \p WouldBlockErrors: the macro names of the errors a non-blocking
  /// descriptor reports (the check's option, owned by it).
  explicit NonBlockingIO(const std::vector<std::string> &WouldBlockErrors)
      : WouldBlockErrors(WouldBlockErrors) {}

  /// True when \p FD tests errno for one of the would-block errors (a macro
  /// expanding to an integer literal in its body): its I/O calls are made
  /// on non-blocking descriptors. Memoised.
  bool expectsWouldBlock(const FunctionDecl &FD, ASTContext &Ctx);
  /// True when \p Call, a system call in a member function \p FD, is made on
  /// a member of the object that the class also hands to an asynchronous
  /// operation (a call answering a task or an awaitable): the class drives
  /// that descriptor without blocking.
  bool onAsyncMember(const FunctionDecl &FD, const CallExpr &Call);
  /// Forgets what was found (a new translation unit).
  void clear() {
    WouldBlockTested.clear();
    AsyncMembers.clear();
  }

private:
  const std::vector<std::string> &WouldBlockErrors;
  llvm::DenseMap<const FunctionDecl *, bool> WouldBlockTested;
  /// Members of each class handed to an asynchronous operation.
  llvm::DenseMap<const CXXRecordDecl *, llvm::DenseSet<const ValueDecl *>>
      AsyncMembers;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_NONBLOCKINGIO_H
