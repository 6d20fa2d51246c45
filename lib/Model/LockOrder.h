//===--- LockOrder.h - async-lint -------------------------------*- C++ -*-===//
//
// Which asynchronous mutexes a coroutine holds at once: for every awaited
// lock of one mutex, the other mutexes that may still be held there (a
// forward dataflow over the function's CFG, SuspensionFlow's). Two
// coroutines that run together and take two mutexes in opposite orders can
// each hold one and wait for the other forever.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOCKORDER_H
#define ASYNC_LINT_MODEL_LOCKORDER_H

#include "StartedTogether.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;
class SuspensionFlow;

/// One coroutine waits to lock \p Waited while it may hold \p Held.
struct LockOrderEdge {
  /// The mutexes, as named in the coroutine (a member, a variable, a
  /// parameter).
  const ValueDecl *Held = nullptr;
  const ValueDecl *Waited = nullptr;
  /// Where \p Held was locked (on one path to the wait).
  const Stmt *HeldSince = nullptr;
  /// The awaited lock of \p Waited.
  const CoroutineSuspendExpr *Wait = nullptr;
};

/// The suspension point that \p Init, a variable's initialiser, keeps the
/// result of (through cleanups, temporaries and the elided move), or null.
const CoroutineSuspendExpr *keptSuspension(const Expr *Init);

/// The expression of the mutex whose lock \p Point awaits: the object of
/// an awaited call of a member of a class that \p AsyncMutexes names, other
/// than a try-lock or an unlock, or the first argument of an awaited call of
/// one of \p LockFunctions (get_units(sem, 1)); null otherwise.
const Expr *lockedObject(const CoroutineSuspendExpr &Point,
                         const NameMatcher &AsyncMutexes,
                         const NameMatcher *LockFunctions = nullptr);

/// The mutex whose lock \p Point awaits (lockedObject), as named there.
const ValueDecl *awaitedLock(const CoroutineSuspendExpr &Point,
                             const NameMatcher &AsyncMutexes,
                             const NameMatcher *LockFunctions = nullptr);

/// Every pair of asynchronous mutexes the coroutine whose flow \p Flow is
/// holds at once, as the wait for the second. A lock is held from its
/// awaited acquisition: an acquisition whose result is a guard kept in a
/// variable until that variable dies or is unlocked, one without a result
/// until the mutex's unlock(); a guard that is not kept lets go at once.
/// With \p Coroutine (the function of \p Flow), an await of a callee
/// coroutine that locks a mutex (calleeLocks) is a wait for that mutex.
std::vector<LockOrderEdge>
lockOrderEdges(const SuspensionFlow &Flow, const NameMatcher &AsyncMutexes,
               const FunctionDecl *Coroutine = nullptr,
               const NameMatcher *LockFunctions = nullptr);

/// Every asynchronous mutex that may be held at each suspension point of
/// the coroutine whose flow \p Flow is (held as for lockOrderEdges), with
/// the mutex that point awaits the lock of (null for other suspensions).
/// Empty when the coroutine awaits fewer than \p MinLocks locks.
std::vector<LockOrderEdge>
locksHeld(const SuspensionFlow &Flow, const NameMatcher &AsyncMutexes,
          unsigned MinLocks = 1, const NameMatcher *LockFunctions = nullptr);

/// One coroutine of a lock cycle and its edge: it holds the mutex the
/// previous side waits for, and waits for the one the next side holds.
struct LockCycleSide {
  const StartedCoroutine *Started;
  LockOrderEdge Edge;
};

/// Coroutines of \p Together (started by \p Caller; two or more, each
/// started by a call of its own) that lock mutexes in a circular order, as
/// their sides: each waits for the mutex the next side holds, the last for
/// the one the first holds, the held mutexes all different, matched in
/// \p Caller (denotedInCaller). The shortest such cycle, from the earliest
/// start; empty when there is none. \p EdgesOf gives a coroutine's edges.
std::vector<LockCycleSide>
lockCycle(const FunctionDecl &Caller, ArrayRef<StartedCoroutine> Together,
          llvm::function_ref<std::vector<LockOrderEdge>(const FunctionDecl &)>
              EdgesOf);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCKORDER_H
