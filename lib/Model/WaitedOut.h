//===--- WaitedOut.h - async-lint -------------------------------*- C++ -*-===//
//
// Lifetimes a function waits out: a task started on another thread is done
// with what it borrows once it has signalled a synchronisation object
// (releases a semaphore, counts a latch down) after its last use of it, and
// the function that started it blocks on that object (acquire, wait), or
// awaits it (a libcoro latch, a wait group, an asio timer), or joins a task
// that waits on it (a lock the task hands over), before what the task
// borrows dies. The same reading serves a coroutine's reference parameters
// and a coroutine lambda's captures.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_WAITEDOUT_H
#define ASYNC_LINT_MODEL_WAITEDOUT_H

#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

/// Where a function waits out the use of one parameter of a task.
struct SignalledWait {
  /// The caller's blocking call (cond.acquire()), or the call of the
  /// operator co_await of the object it awaits.
  const CallExpr *Wait = nullptr;
  /// The coroutine's signal (cond.release()).
  const CallExpr *Signal = nullptr;
};

/// The wait by which the function whose body is \p CallerBody, after the
/// coroutine call \p Call and before \p Dies, outlasts the use of the
/// coroutine \p Coro's parameter numbered \p ParamIndex: \p Coro is handed
/// (by reference) a local synchronisation object of the caller, which it
/// signals with a member in \p Signals unconditionally and after every use
/// of that parameter (the object may be the parameter itself, or a member
/// of it: `st.loop.quit()`; a loop before the signal may break out of
/// itself); the caller calls a member in \p Waits on the object (or awaits
/// it, calling its operator co_await) on every path after the call: later
/// in the call's block, or after the loops and branches around it, with
/// nothing between that may leave; or skips it only when a flag of the
/// object is set that the task sets right before its signal, after its
/// last use (`if (!st.done) st.loop.exec();`, SignalledObjects.h).
/// Null members when there is no such wait.
SignalledWait waitsOut(const Stmt &CallerBody, const Expr &Call,
                       SourceLocation Dies, const FunctionDecl &Coro,
                       unsigned ParamIndex, const NameMatcher &Waits,
                       const NameMatcher &Signals, const SourceManager &SM);

/// The same wait for the task of the coroutine lambda \p Op, started by
/// \p Start: the synchronisation object is a local of the caller that \p Op
/// captures by reference and signals after every use of any capture (its
/// closure, and the locals it refers to, are then no longer used).
SignalledWait closureWaitedOut(const Stmt &CallerBody, const Expr &Start,
                               SourceLocation Dies, const CXXMethodDecl &Op,
                               const NameMatcher &Waits,
                               const NameMatcher &Signals,
                               const SourceManager &SM);

/// The wait by which the function whose body is \p CallerBody joins the
/// eager task of \p Coro that \p Call starts and drops: the same reading,
/// with every statement of the coroutine a use, so that its signal is its
/// last act (a local event loop it quits, `st.loop.quit()`, that the
/// function runs after the call, `st.loop.exec()`, unless a flag the task
/// sets right before the signal is already set), reached on every path
/// after the call before the function ends. Null members when there is no
/// such wait.
SignalledWait joinsBySignal(const Stmt &CallerBody, const Expr &Call,
                            const FunctionDecl &Coro, const NameMatcher &Waits,
                            const NameMatcher &Signals,
                            const SourceManager &SM);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_WAITEDOUT_H
