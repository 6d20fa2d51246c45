//===--- ResumeThread.h - async-lint ----------------------------*- C++ -*-===//
//
// Which thread resumes a coroutine after a suspension point, as far as the
// code shows it: evidence that the resumption can move to another thread
// (an await of an operation that transfers to another executor or pool, an
// awaiter whose await_suspend hands the coroutine's handle to a new thread),
// and the structure that rules it out (a promise's await_transform that
// wraps the awaiter and gives it another handle, re-scheduling the
// continuation where the coroutine was). Absence of evidence is not
// evidence: callers decide what to do when none is found.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RESUMETHREAD_H
#define ASYNC_LINT_MODEL_RESUMETHREAD_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// What the code shows about the thread that resumes a coroutine after one
/// suspension point.
struct ResumeEvidence {
  enum KindType {
    /// Nothing shows that the resumption can move.
    None,
    /// The awaited operation is one of the transfer functions: it resumes
    /// the coroutine on another executor or on a pool's thread.
    Transfer,
    /// The awaiter's await_suspend hands the coroutine's handle to a new
    /// thread (a construction of one of the thread types).
    NewThread,
    /// The awaiter's await_suspend hands the handle to a transfer function.
    HandedToTransfer,
  } Kind = None;
  /// The transfer function or the thread type.
  const NamedDecl *Via = nullptr;
  /// The call or construction that shows it.
  const Expr *Where = nullptr;
  /// When the promise's await_transform wrapped the awaiter and the wrapper
  /// gives the awaited operation another handle than the coroutine's (it
  /// resumes the coroutine itself, where it was): the wrapper's
  /// await_suspend. Evidence inside the wrapped operation then does not
  /// count.
  const FunctionDecl *RoutedBy = nullptr;

  explicit operator bool() const { return Kind != None; }
};

/// Finds ResumeEvidence at suspension points. \p TransferFunctions names
/// functions whose awaited result resumes the coroutine elsewhere (a pool's
/// schedule(), resume_on(executor)); \p ThreadTypes names types whose
/// construction runs a function object on a new thread.
class ResumeThread {
public:
  ResumeThread(const NameMatcher &TransferFunctions,
               const NameMatcher &ThreadTypes)
      : TransferFunctions(TransferFunctions), ThreadTypes(ThreadTypes) {}

  /// The evidence at \p Suspension that the coroutine may resume on another
  /// thread after it. A co_yield has none: the consumer resumes it.
  ResumeEvidence evidenceAt(const CoroutineSuspendExpr &Suspension);

  /// The await_suspend a suspension point calls (after the promise's
  /// await_transform and operator co_await); null when there is none.
  static const CXXMemberCallExpr *
  awaitSuspendCall(const CoroutineSuspendExpr &Suspension);

  /// Forgets what was found (at the end of a translation unit).
  void clear() { Memo.clear(); }

private:
  /// What await_suspend \p FD does with its handle parameter: followed into
  /// the await_suspend of an awaiter it delegates to with the same handle.
  ResumeEvidence inAwaitSuspend(const FunctionDecl &FD, unsigned Depth);

  const NameMatcher &TransferFunctions;
  const NameMatcher &ThreadTypes;
  llvm::DenseMap<const FunctionDecl *, ResumeEvidence> Memo;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RESUMETHREAD_H
