//===--- HeldLocks.h - async-lint -------------------------------*- C++ -*-===//
//
// Which locks a coroutine holds along its paths: a fact per RAII guard alive
// that holds its mutex (keyed by the guard variable) and per mutex locked by
// hand and not yet unlocked (keyed by the mutex's declaration). A transfer
// for SuspensionFlow's forward may-analysis: guards constructed to hold,
// defer or try (and tested for owning the lock), moved, handed to a function
// that releases them; lock(), unlock(), try_lock() and std::lock on mutexes;
// Clang's thread-safety attributes. Asynchronous mutexes, whose lock is
// itself awaited, are no locks here.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_HELDLOCKS_H
#define ASYNC_LINT_MODEL_HELDLOCKS_H

#include "SuspensionFlow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang::tidy::async::model {

class CallNames;
class FunctionEvents;
class NameMatcher;
class OwnStmts;

/// The lists that say what a lock is (a check's options, owned by it).
struct LockLists {
  /// RAII guards that lock a mutex for as long as they live.
  const NameMatcher &LockTypes;
  /// Mutexes locked and unlocked by hand.
  const NameMatcher &MutexTypes;
  /// Asynchronous mutexes, whose lock is itself awaited.
  const NameMatcher &AsyncMutexTypes;
  /// Tag types of a guard's constructor that leave the mutex unlocked
  /// (std::defer_lock_t) or only try to lock it (std::try_to_lock_t).
  const NameMatcher &DeferLockTags;
  const NameMatcher &TryLockTags;
  /// The unit's memo of canonical names (AnalysisSession::names), asked
  /// instead of building a type's name at every question; none when null.
  CallNames *Names = nullptr;

  /// True for a guard type: in LockTypes, or carrying Clang's
  /// scoped_lockable attribute.
  bool isGuardType(QualType T) const;
  /// True for a mutex locked and unlocked by hand: in MutexTypes, or
  /// carrying Clang's capability attribute; never an asynchronous mutex.
  bool isMutexType(QualType T) const;
  /// True for an asynchronous mutex.
  bool isAsyncMutexType(QualType T) const;
};

/// The construction that initialises \p Var (through copies elided from a
/// functional cast: 'auto l = std::unique_lock(m);'), or null.
const CXXConstructExpr *guardConstruction(const VarDecl &Var);

/// The declaration that names the mutex or guard \p E denotes: the key of
/// its fact.
const ValueDecl *mutexKey(const Expr *E);

/// False when no lock of \p Lists can be held at any suspension point of
/// the function whose own statements are \p Own and events \p Events, so
/// that heldLocksAtSuspensions would find none and its flow (and the CFG)
/// need not be built. A pre-filter: true whenever it cannot tell. It
/// proves "none" only when the function suspends nowhere, or when every
/// lock is a guard local declared directly in a compound statement (not
/// static) whose remaining statements, from its declaration on, hold no
/// suspension, no member of a guard or mutex is called (no lock(), unlock(),
/// try_lock(), owns_lock(), no test of a guard) nor any member carrying a
/// capability attribute, std::lock is not called, and no try or throw can
/// leave a guard's scope by an edge the CFG gives no destructor.
bool mayHoldLockAtSuspension(const OwnStmts &Own, const FunctionEvents &Events,
                             const LockLists &Lists);

/// The locks that may be held at each suspension point of \p Flow's
/// coroutine, with where each was taken (on one path); the key of a fact is
/// a guard variable or a mutex's declaration.
std::vector<HeldAtSuspension> heldLocksAtSuspensions(const SuspensionFlow &Flow,
                                                     const LockLists &Lists);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_HELDLOCKS_H
