//===--- LockedSelfWaits.h - async-lint -------------------------*- C++ -*-===//
//
// A coroutine that waits, while it holds an asynchronous mutex M, for an
// event (a member condition variable, a member promise) that every code of
// the unit that signals it signals only while holding M: the signaller
// waits for M, M for the wait to end, the wait for the signal. The mutex is
// held by a guard of the coroutine, or by a lock it was given by value (the
// units a caller took, alone or inside a struct). Members are identified by
// their declarations (the same member of whichever object).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOCKEDSELFWAITS_H
#define ASYNC_LINT_MODEL_LOCKEDSELFWAITS_H

#include "EventWaits.h"
#include "PlacedNotes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class SuspensionFlow;

/// What the unit shows of members' signals, calls and initialisers, built
/// once per unit when a coroutine first needs it.
struct UnitSignals {
  struct Signal {
    const CXXMemberCallExpr *Call;
    /// The function whose body makes the call; null inside a lambda.
    const FunctionDecl *In;
  };
  /// The signals (SignalMembers, PromiseSetMembers) of each member event.
  llvm::DenseMap<const ValueDecl *, std::vector<Signal>> Signals;
  /// The calls of each function (canonical declaration).
  llvm::DenseMap<const FunctionDecl *, std::vector<const CallExpr *>> Calls;
  /// The values each member field is initialised or assigned with.
  llvm::DenseMap<const FieldDecl *, std::vector<const Expr *>> FieldValues;
};

/// Builds the index of \p Ctx's unit.
UnitSignals indexUnit(ASTContext &Ctx, const EventKnowledge &Know);

struct LockedSelfWaitKnowledge {
  const EventKnowledge &Events;
  const NameMatcher &AsyncMutexes;
  const NameMatcher &LockFunctions;
};

/// The waits of \p Coroutine (its suspension flow: \p FlowOf) for a member
/// event, directly or in a callee coroutine it awaits (up to three calls down),
/// while it holds a mutex that each signaller of the event in \p Unit
/// (built on first need) holds at the signal on every path to it, with at
/// least one signaller shown and every signal in a function's own body.
/// Held: a guard kept since an awaited lock (locksHeld), or a parameter
/// taken by value that holds the units of a lock, as every call in the
/// unit passes them (of it or of a method it overrides) or every
/// initialiser of a member of it does, and that no code may release (name
/// but through another member) before the wait.
std::vector<Finding> lockedSelfWaits(
    const FunctionDecl &Coroutine, const LockedSelfWaitKnowledge &Know,
    std::optional<UnitSignals> &Unit,
    llvm::function_ref<const CFG *(const FunctionDecl &)> CFGOf,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCKEDSELFWAITS_H
