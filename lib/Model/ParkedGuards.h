//===--- ParkedGuards.h - async-lint ----------------------------*- C++ -*-===//
//
// A guard of an asynchronous mutex moved into the frame of a lazy task that
// has not started: the frame keeps the lock until the task runs to its end
// or is destroyed, and a lazy task runs only when it is awaited or started.
// A coroutine that keeps such a task and then awaits a lock of the same
// mutex, before it awaits, starts or lets go of the task, waits for a lock
// that only its own later code could release.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PARKEDGUARDS_H
#define ASYNC_LINT_MODEL_PARKEDGUARDS_H

#include "PlacedNotes.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;

/// A lock of \p Mutex whose guard a lazy task holds, waited for again.
struct ParkedGuard {
  const ValueDecl *Mutex;
  /// The awaited lock that made the guard, and the guard's variable (null
  /// when the lock's result is handed to the task directly).
  const CoroutineSuspendExpr *Lock;
  const VarDecl *Guard;
  /// The lazy coroutine's call that takes the guard by value, the argument
  /// and the local that keeps the task.
  const CallExpr *TaskCall;
  const FunctionDecl *Coroutine;
  const Expr *Handed;
  const VarDecl *Task;
  /// The later awaited lock of the same mutex.
  const CoroutineSuspendExpr *Relock;
};

/// The locks of \p Creator (body \p Body, CFG \p Graph, suspension points
/// \p Points) that wait for a mutex whose guard a lazy task of \p Creator
/// holds. Evidence: the guard is a local made by an awaited lock of an
/// \p AsyncMutexes mutex and named nowhere but in its move into a by-value
/// parameter of a coroutine whose body is lazy (or the awaited lock is that
/// argument itself); the task is kept in a local whose scope holds the
/// relock; every path to the relock passes the task's creation, and no
/// statement before the relock names the task or calls an unlock().
std::vector<ParkedGuard>
parkedGuards(const FunctionDecl &Creator, const Stmt &Body, const CFG &Graph,
             ArrayRef<const CoroutineSuspendExpr *> Points,
             const NameMatcher &AsyncMutexes, const OwnStmts *Own = nullptr);

/// The finding of \p P: at the relock, with notes at the lock and at the
/// move of the guard into the task.
Finding parkedGuardFinding(const ParkedGuard &P);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PARKEDGUARDS_H
