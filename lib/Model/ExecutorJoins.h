//===--- ExecutorJoins.h - async-lint ---------------------------*- C++ -*-===//
//
// Work spawned on a joining executor (JoiningExecutors: its destructor, and
// its join members, JoinFunctions, wait until the threads running its work
// have stopped) is over once that executor is joined or destroyed. A
// function that spawns a task on a local executor, held directly or by a
// smart pointer only it owns, and joins or destroys that executor before a
// local the task borrows dies, waits the task out: the local outlives it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXECUTORJOINS_H
#define ASYNC_LINT_MODEL_EXECUTORJOINS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace clang::tidy::async::model {

class NameMatcher;

/// What makes an executor joining, and which calls spawn on one.
struct ExecutorKnowledge {
  /// Spawn functions (SpawnFunctions): member calls that start a task on
  /// their object.
  const NameMatcher &Spawns;
  /// Executor classes (or bases) whose destructor joins their threads.
  const NameMatcher &Joining;
  /// Members of such executors that join their threads (tp->shutdown()).
  const NameMatcher &Joins;
};

/// True when \p RD, or a base of it (a few levels up), is one of the
/// \p Joining executor classes.
bool isJoiningClass(const CXXRecordDecl *RD, const NameMatcher &Joining,
                    unsigned Depth = 0);

/// How a function ends the executor a task runs on before a local dies.
struct ExecutorJoin {
  /// The local that holds the executor (or the smart pointer to it).
  const VarDecl *Executor = nullptr;
  /// The join call; null when the executor is destroyed before the local.
  const CallExpr *Join = nullptr;
};

/// The local \p Dying of \p Body outlives a task spawned by \p Spawn (a call
/// of \p Body on a member in K.Spawns) because the spawn's object is a
/// joining executor held by a local of \p Body that is
///  - an object of a joining class, or a std::unique_ptr to one, or a
///    std::shared_ptr to one made here (std::make_shared, new) and only
///    ever dereferenced (never copied, moved or reset), and
///  - declared after \p Dying within its scope (so destroyed first), or
///    joined (a call in Joins on it) after the spawn by a statement that
///    every path from the spawn to the end of \p Dying's scope runs (no
///    return, break, continue, goto or throw between them).
/// std::nullopt otherwise.
std::optional<ExecutorJoin> executorJoinedBefore(const Stmt &Body,
                                                 const CallExpr &Spawn,
                                                 const VarDecl &Dying,
                                                 const ExecutorKnowledge &K);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXECUTORJOINS_H
