//===--- ContextEnds.h - async-lint -----------------------------*- C++ -*-===//
//
// What ends the run of a task spawned on a local execution context (an
// io_context, a GrpcContext) before the locals it borrows die, besides a run
// of that context to completion by the function itself:
//  - the threads that run the context, joined: once every thread whose body
//    runs it has been joined, nothing is left that could resume the task
//    (run() returns only when the context is out of work, with the task
//    done, or stopped, which the function never does here);
//  - the context's death: a context whose destructor destroys the work it
//    did not run (asio::execution_context's shutdown and destroy) and that
//    dies before the locals destroys the suspended frame unresumed.
// A run of a context that the function stopped (or posted a stop to) before
// it, on every path, returns at once: it is no run to completion. Which
// members stop a context and which contexts destroy their work are library
// data (ContextStopMembers, WorkDestroyingContexts); what runs to completion
// is SyncWaitFunctions.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTEXTENDS_H
#define ASYNC_LINT_MODEL_CONTEXTENDS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// The library data the rules read.
struct ContextEndKnowledge {
  /// Calls that run a context until it is out of work (SyncWaitFunctions).
  const NameMatcher &Runs;
  /// Members that stop a context (ContextStopMembers).
  const NameMatcher &Stops;
  /// Context classes, or bases, whose destructor destroys the work they did
  /// not run (WorkDestroyingContexts).
  const NameMatcher &Destroying;
  /// Calls that block until something ends (the blocking catalogue's waits).
  /// A thread class is one made from a callable that has a member listed
  /// here (std::thread::join, boost::thread::join): that member joins it.
  const NameMatcher &Waits;
};

/// True when \p Run, a call of \p Body that runs a context (or blocks on
/// work) to completion, does so for a task started at \p After: no branch
/// (if, switch, conditional, logical operator, catch) around \p Run leaves
/// it to some paths only, unless it is around \p After too; and, for a run
/// of a local context, no stop of that context comes before it on every
/// path: a statement before the one that holds \p Run, in a block around
/// it, that calls a member in \p Stops on the same local, or posts one to
/// it (a call handed the context and a lambda that stops it).
bool runCompletes(const Stmt &Body, const CallExpr &Run, SourceLocation After,
                  const NameMatcher &Stops, const SourceManager &SM);

/// How a function ends a task before a local dies.
enum class ContextEnd {
  None,
  /// Every thread that runs the task's context is joined first.
  RunnersJoined,
  /// The context, which destroys the work it did not run, dies first.
  Destroyed,
};

/// How \p Body ends the task spawned by \p Spawn, a call of \p Body, before
/// its local \p Dying dies. The spawn's context (its
/// first argument, or that argument's get_executor() object) is a local
/// object X of \p Body, not a parameter nor a reference, that the function
/// never stops (no member in Stops called on X, also in its lambdas), and:
///  - RunnersJoined: some thread created in \p Body (a local of a thread
///    class, or one put into a local container of them: an emplace, a push,
///    an assignment to the element of a range-for over it) from a lambda
///    that runs X (a member in Runs on it); every thread whose lambda names
///    X is joined (a member in Waits, `t.join()`, or a range-for over its
///    container that joins each element) by a statement that every path from
///    the spawn to the end of \p Dying's scope runs; and the function runs X
///    no more after that scope ends;
///  - Destroyed: no thread's lambda names X; X's class derives from one in
///    Destroying; X is \p Dying, or is declared after \p Dying in its block
///    or a block within it (so it dies first).
ContextEnd contextEndsTask(const Stmt &Body, const CallExpr &Spawn,
                           const VarDecl &Dying, const ContextEndKnowledge &K);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTEXTENDS_H
