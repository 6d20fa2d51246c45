//===--- ScopeJoins.h - async-lint ------------------------------*- C++ -*-===//
//
// A task that joins the scope it belongs to: a coroutine started into a task
// group or async scope (cppcoro::async_scope::spawn, libcoro's
// task_group::start) that awaits the join of that same scope (async_scope's
// join(), awaiting a libcoro task_group). The join waits until every task of
// the scope has ended, the waiting coroutine included: it never resumes.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SCOPEJOINS_H
#define ASYNC_LINT_MODEL_SCOPEJOINS_H

#include "PlacedNotes.h"
#include "StartedTogether.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;
class SuspensionFlow;

// Members whose awaited call waits until every task of the scope has ended.
inline constexpr llvm::StringLiteral DefaultScopeJoinMembers =
    "cppcoro::async_scope::join";
// Scopes whose object, awaited, waits until every task in it has ended.
inline constexpr llvm::StringLiteral DefaultScopeTypes = "::coro::task_group";

/// Which awaits join a scope, and which calls start a task into the scope
/// they are called on.
struct ScopeKnowledge {
  const NameMatcher &JoinMembers;
  const NameMatcher &Types;
  /// Members that start a task into their object (and more: only member
  /// calls whose object is a scope the task joins count).
  const NameMatcher &StartMembers;
  const NameMatcher &MoreStartMembers;
};

/// A coroutine started into a scope that awaits the join of that scope.
struct ScopeJoin {
  StartedCoroutine Started;
  /// The scope, as the function that starts the task names it.
  const ValueDecl *Scope;
  const CoroutineSuspendExpr *Join;
};

/// The tasks that \p Caller's body \p Body starts into a scope (the object
/// of a start member call given the coroutine call) and that await the join
/// of the object that is the same scope in \p Caller (denotedInCaller: the
/// variable passed for a reference parameter, a captured variable, a member
/// of the same object). \p FlowOf gives a coroutine's suspension points.
std::vector<ScopeJoin> scopeJoins(
    const FunctionDecl &Caller, const Stmt &Body, const ScopeKnowledge &Know,
    llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> FlowOf,
    const OwnStmts *Own = nullptr);

/// The finding of \p J: at the join, with a note at the start.
Finding scopeJoinFinding(const ScopeJoin &J);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SCOPEJOINS_H
