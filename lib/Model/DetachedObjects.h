//===--- DetachedObjects.h - async-lint -------------------------*- C++ -*-===//
//
// Whether a member coroutine's task, running detached, may outlive the
// object it runs on: nothing hands the task a strong reference (a
// shared_ptr, shared_from_this()), the coroutine takes none in time, no
// executor or scope the object owns runs it, and the coroutine uses '*this'
// after it may have suspended. Also the member coroutine that holds a weak
// reference to its object and reaches the object without checking it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DETACHEDOBJECTS_H
#define ASYNC_LINT_MODEL_DETACHEDOBJECTS_H

#include "CoroutineCalls.h"
#include "LateParameterUses.h"
#include "LocalFlow.h"
#include "Owners.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang::tidy::async::model {

/// Calls whose result keeps an object alive: a strong or weak reference.
constexpr llvm::StringLiteral DefaultOwnerFunctions =
    "shared_from_this;weak_from_this;get_strong;get_weak";

/// A member coroutine a member function spawns detached on '*this', with
/// nothing that keeps the object alive, and its first late use of it.
struct DetachedSelf {
  const FunctionDecl *Coro = nullptr;
  TaskFate Fate;
  const Stmt *Use = nullptr;
  bool Lazy = false;
};

/// A member coroutine that reaches '*this' after a suspension point without
/// checking its weak reference \p Weak to its object since.
struct UncheckedWeakSelf {
  const VarDecl *Weak = nullptr;
  LateUse Late;
  /// Where a member function of the class spawns the coroutine detached;
  /// invalid when none does.
  SourceLocation Spawn;
};

/// The answers for a translation unit, memoised per function. Calls of
/// \p OwnerFunctions (shared_from_this, weak_from_this) take a reference
/// that keeps an object alive.
class DetachedObjects {
public:
  DetachedObjects(const NameMatcher &OwnerFunctions, LateParameterUses &Late)
      : OwnerFunctions(OwnerFunctions), Late(Late) {}

  /// The first use of the object by the task \p C creates (of fate \p F),
  /// when the task runs detached and nothing ties the object's life to it
  /// (a shared_ptr or shared_from_this() handed over or taken by the
  /// coroutine, an executor or scope the object owns); null otherwise.
  const Stmt *unownedDetachedUse(const CoroutineCall &C, const TaskFate &F,
                                 const LibraryAnalyses &A);
  /// What the member function \p M detaches on '*this' (helpers followed a
  /// few calls deep); null when nothing.
  const DetachedSelf *detachedSelf(const CXXMethodDecl &M,
                                   const LibraryAnalyses &A);
  /// Asks detachedSelf of \p FD, being judged, when it is a member function
  /// (not a coroutine) one of whose \p Calls runs a member coroutine on
  /// '*this': its task flow is held now, and a caller judged after it is
  /// freed finds the answer instead of building the CFG again.
  void judging(const FunctionDecl &FD, llvm::ArrayRef<const Expr *> Calls,
               const LibraryAnalyses &A);
  /// Where a member function of its class spawns \p Coro detached on
  /// '*this'; invalid when none does.
  SourceLocation detachedSpawnOf(const CXXMethodDecl &Coro,
                                 const LibraryAnalyses &A);
  /// \p Coro takes a reference to its object itself ('auto self =
  /// shared_from_this();') in time: before it may first suspend, or holding
  /// it across every suspension after which it reaches '*this'; a member
  /// coroutine holding a weak reference to its object counts.
  bool takesOwner(const FunctionDecl &Coro, const LibraryAnalyses &A);
  /// The member coroutine \p Method (of body \p Body) holds a weak
  /// reference to its object, shows that the object may die while it is
  /// suspended (it checks the reference somewhere, or its class spawns it
  /// detached), and reaches '*this' after a suspension without checking the
  /// reference since; std::nullopt otherwise.
  std::optional<UncheckedWeakSelf>
  uncheckedWeakSelf(const CXXMethodDecl &Method, const Stmt &Body,
                    const LibraryAnalyses &A);
  void clear();

private:
  const NameMatcher &OwnerFunctions;
  LateParameterUses &Late;
  llvm::DenseMap<const FunctionDecl *, std::optional<DetachedSelf>> Selves;
  llvm::DenseMap<const FunctionDecl *, bool> TakesOwner;
  llvm::DenseMap<const CXXMethodDecl *, SourceLocation> Spawns;
  /// How many helpers deep detachedSelf is.
  unsigned HelperDepth = 0;
};

/// The referent that dies with the owner \p Owner of an object.
Referent ownerReferent(const ObjectOwner &Owner);

/// Where the owner \p Owner (a temporary or a local of the calling
/// function) of the object a member coroutine runs on detached dies while
/// the task of \p C (of fate \p F) may still run; invalid when it lives long
/// enough, the object's class may join its work when destroyed, the caller
/// runs a local executor to completion (one of \p Lib's sync waits), or the
/// caller may wait for the object's work before the owner dies.
SourceLocation ownerDiesBeforeTask(const ObjectOwner &Owner,
                                   const CoroutineCall &C, const TaskFate &F,
                                   const Library &Lib);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DETACHEDOBJECTS_H
