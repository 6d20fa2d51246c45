//===--- MemberLockOrder.h - async-lint -------------------------*- C++ -*-===//
//
// Lock order between member coroutines of one class, without a common
// start: two member coroutines that code outside the class can call (not
// private, not static) may run at once on one object, whoever starts them.
// When one waits for mutex B while holding A and the other waits for A
// while holding B, each can take its first and wait forever for the other.
// The mutexes are named the same way in every member of the class: a member
// of the object itself (`this`), or the same member of an object each
// coroutine is given as a parameter (the two may be given the same one).
// At least one of the two is the object's own: that is what the two runs
// share for certain.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MEMBERLOCKORDER_H
#define ASYNC_LINT_MODEL_MEMBERLOCKORDER_H

#include "LockOrder.h"
#include "PlacedNotes.h"

namespace clang::tidy::async::model {

class Library;

/// A lock cycle of two member coroutines: \p Mine of the coroutine judged,
/// \p Theirs of \p Other, another member coroutine of its class.
struct MemberLockCycle {
  const FunctionDecl *Coroutine = nullptr, *Other = nullptr;
  LockOrderEdge Mine, Theirs;
  /// When one mutex is a member of an object each is given: the parameter
  /// of the coroutine judged that gives it (the finding assumes the two may
  /// be given the same object).
  const ParmVarDecl *Given = nullptr;
};

/// The first lock cycle between \p Coroutine, a member coroutine of a class
/// that code outside the class can call, and another such member coroutine
/// of that class defined in the unit and not in \p Ignored, that
/// \p Coroutine's definition precedes (so that a cycle is reported once).
/// \p EdgesOf gives a coroutine's lock order edges (lockOrderEdges); the
/// mutexes are read from the locks at their ends (\p Lib's AsyncMutexes and
/// AsyncLockFunctions).
std::optional<MemberLockCycle> memberLockCycle(
    const FunctionDecl &Coroutine, const Library &Lib,
    const NameMatcher &Ignored,
    llvm::function_ref<std::vector<LockOrderEdge>(const FunctionDecl &)>
        EdgesOf);

/// The finding of \p Cycle: at the wait of the coroutine judged, with
/// notes at its lock, at the other coroutine (the evidence that the two may
/// run at once), and at that one's lock and wait (the notes of a lock cycle
/// of coroutines started together, the starts replaced by the evidence).
Finding memberLockFinding(const MemberLockCycle &Cycle);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MEMBERLOCKORDER_H
