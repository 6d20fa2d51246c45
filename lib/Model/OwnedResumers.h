//===--- OwnedResumers.h - async-lint ---------------------------*- C++ -*-===//
//
// Lifetimes a function waits out through the only things that can resume a
// task: an eager coroutine whose every suspension awaits a local executor
// of the function (`co_await On(*manual)`, `co_await jump_on(pool)`), or a
// local event that only such tasks and the function itself signal
// (`co_await wg`), can run again only when that executor runs it. A
// function that then joins that executor (its threads) or drains it (runs
// its queue on this thread until it is empty) before a local the task uses
// dies has outlasted every use: once the join returns, nothing is left
// that could resume the task. Which members join or drain is library data
// (JoinFunctions: yaclib's ManualExecutor::Drain) or read from the
// member's visible body (it joins every thread it holds: a range-for over
// a member container whose body calls a wait in the waits' list, such as
// std::thread::join, on the element).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_OWNEDRESUMERS_H
#define ASYNC_LINT_MODEL_OWNEDRESUMERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// What joins an executor.
struct ResumerKnowledge {
  /// Members that join or drain their executor (JoinFunctions).
  const NameMatcher &Joins;
  /// Blocking waits (std::thread::join among them): a member whose body
  /// calls one on every thread of a member container joins the executor.
  const NameMatcher &Waits;
};

/// The join (or drain) by which \p Body outlasts the eager coroutine
/// \p Coro started by the statement \p Start of \p Body, before the local
/// \p Dying dies: every suspension point of \p Coro awaits an expression
/// that names a local executor X of \p Body (held by value, or by a
/// pointer-like local only ever dereferenced), or awaits a local event of
/// \p Body made from constants that is referred to only by the function's
/// own member calls on it (within \p Dying's scope) and by coroutine
/// lambdas of \p Body that await only X or such events; and every path
/// from \p Start to the end of \p Dying's scope calls a join of X (a
/// member in Joins, or one whose visible body joins every thread X holds)
/// with nothing between that may leave. Null when there is none.
const CallExpr *resumersJoinedBefore(const Stmt &Body, const Stmt &Start,
                                     const FunctionDecl &Coro,
                                     const VarDecl &Dying,
                                     const ResumerKnowledge &K);

/// True when the member \p M's visible body joins every thread its object
/// holds: a range-for over a data member of the object whose body calls a
/// wait in \p Waits (std::thread::join) on the element, or such a call on
/// a data member itself.
bool joinsOwnThreads(const CXXMethodDecl &M, const NameMatcher &Waits);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_OWNEDRESUMERS_H
