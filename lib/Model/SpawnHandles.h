//===--- SpawnHandles.h - async-lint ----------------------------*- C++ -*-===//
//
// What a spawn hands back. Many runtimes' spawn returns an awaitable that
// stands for the child: awaiting it (directly, or after modifiers that
// return the same awaitable: `.with_priority(1)`, `.run_on(ex)`) waits for
// the child in place, and a member that returns another awaitable (a join
// handle: `.fork()`) starts the child and lets the caller join it later by
// awaiting the handle. Read by structure from the types in the code: the
// class of the object, the class the member returns, and whether each is
// awaitable. No library's names are needed.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SPAWNHANDLES_H
#define ASYNC_LINT_MODEL_SPAWNHANDLES_H

#include "NameMatcher.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// How a member call made on an awaitable relates to it.
enum class AwaitableMember {
  /// Not a member of an awaitable, or it returns no awaitable (void, a
  /// value): awaiting its result says nothing of the object.
  Other,
  /// Returns the object's own awaitable class (by value or reference):
  /// awaiting the result awaits the same thing.
  Modifier,
  /// Returns another awaitable (or task) class: a handle whose await
  /// stands for the object's (the object itself need not be awaitable:
  /// a spawn's result may only hand out handles).
  Handle,
};

/// What the member call \p Call, made on \p Object, returns in terms of
/// \p Object's awaitable class. Task objects are not asked about here (the
/// task flow passes a task's wrappers through already).
AwaitableMember awaitableMember(const CallExpr &Call, const Expr &Object);

/// True when \p E is a spawn's result: a call \p IsSpawn accepts whose type
/// is a class, seen through parentheses,
/// std::move, modifiers and handles (awaitableMember), and the initialiser
/// of the local \p E names.
bool isSpawnResult(const Expr *E,
                   llvm::function_ref<bool(const CallExpr &)> IsSpawn,
                   unsigned Depth = 4);

/// True when a value of type \p T can stand for a spawned child: an
/// awaitable or a task.
bool isAwaitableResult(QualType T);

/// True when awaiting the result of the member call \p Call awaits what
/// \p Object stands for: a modifier of an awaitable, or a handle handed out
/// by a spawn's result (a call of one of \p Spawns, isSpawnResult).
bool standsForObject(const CallExpr &Call, const Expr &Object,
                     const NameMatcher &Spawns);

/// True when the spawn \p Spawn, whose result (or a handle from it) is kept
/// in the local \p Holder, can be joined through it: the result or the
/// local is an awaitable or a task.
bool keptToJoin(const CallExpr &Spawn, const VarDecl *Holder);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SPAWNHANDLES_H
