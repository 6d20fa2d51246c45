//===--- NonBlockingIO.h - async-lint ---------------------------*- C++ -*-===//
//
// Whether a system call is made on a descriptor the code drives without
// blocking: the function that makes it tests errno for one of the would-block
// errors (EAGAIN, EINPROGRESS), the call is made on a member of the object
// that the class also hands to an asynchronous operation (sched.poll(m_fd)),
// or the last suspension before the call awaits the readiness of the same
// descriptor (co_await on an awaitable built from it: a reactor's wait),
// also for a member that makes the call on its object's descriptor, called
// just after awaiting an awaitable given the object's accessor of it.
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
  /// True when the last statement that suspends before the one that makes
  /// \p Call, in the same block of \p FD's body, is a 'co_await' of an
  /// awaitable built from the descriptor \p Call is made on (its first
  /// argument), directly or through the initialisers of the variables and
  /// members it names, and the statement of the call does not suspend: the
  /// descriptor was found ready, and no other task has run since.
  static bool afterReadinessAwait(const FunctionDecl &FD, const CallExpr &Call);
  /// The descriptor of its own object that \p Call, a system call in \p FD,
  /// a member function that is no coroutine, is made on (`::read(fd_, ...)`,
  /// `::read(fds[0], ...)`); null otherwise.
  static const Expr *ownDescriptor(const FunctionDecl &FD,
                                   const CallExpr &Call);
  /// True when \p Call, in \p FD, calls a member that makes a system call
  /// on its object's \p Descriptor (ownDescriptor), and the last statement
  /// that suspends before the call's, in the same block, has one
  /// suspension, a 'co_await' of an awaitable given that object's accessor
  /// of the same descriptor (`co_await wait_readable(pipe.producer())`,
  /// where producer() only returns `fds[0]`), and the call's statement does
  /// not suspend.
  static bool afterObjectReadinessAwait(const FunctionDecl &FD,
                                        const CXXMemberCallExpr &Call,
                                        const Expr *Descriptor);
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
