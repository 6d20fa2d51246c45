//===--- TaskChanges.h - async-lint -----------------------------*- C++ -*-===//
//
// What a task changes of its caller's locals, and whether a change is the
// task's last use of what it borrows. A task changes a local of the
// function that started it directly (a coroutine lambda's capture), or
// through a parameter the start binds to it: a reference parameter bound
// to the local (`work(done)`), a pointer parameter bound to its address
// (`work(&done)`, changed through `*p = ...` or `p->push_back(...)`). Once
// the function sees a change after which the task uses nothing it borrows
// (no capture, no captured 'this', no reference or pointer parameter), the
// task is done with the function's locals.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TASKCHANGES_H
#define ASYNC_LINT_MODEL_TASKCHANGES_H

#include "AbortingChecks.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// True when \p S changes \p Var: assigns it, increments or decrements it,
/// or calls a member function on it that is not const (a latch's
/// count_down, a promise's set_value, an atomic's decrement or store, a
/// queue's push). With \p Pointee, \p Var is a pointer and the change is
/// of what it points to (`*p = v`, `++*p`, `p->push_back(v)`).
bool changes(const Stmt &S, const VarDecl *Var, bool Pointee = false);

/// The statements of \p Body (its own code) that change \p Var (or, with
/// \p Pointee, what it points to).
llvm::SmallVector<const Stmt *, 2>
changesIn(const Stmt *Body, const VarDecl *Var, bool Pointee = false);

/// True when \p S is a use of what the coroutine \p Coro borrows: a
/// capture or captured 'this' of a coroutine lambda, or one of \p Coro's
/// reference or pointer parameters.
bool isBorrowedUse(const Stmt &S, const FunctionDecl &Coro);

/// True when the task of the coroutine \p Coro, started by \p Start,
/// changes the caller's local \p Var (itself, or through a parameter that
/// a call of \p Coro in \p Start binds to it) with a change after which it
/// uses nothing it borrows: no such use later in source order, or (on
/// \p CoroGraph, \p Coro's CFG, when given) none reachable from the change.
/// With \p OnlyTaskIn (the caller's body), the change must also be one no
/// other task of \p Coro makes: \p Start is in no loop of it, and for a
/// change of \p Var itself (a capture), nothing else in it calls \p Coro.
bool changedWhenDone(const FunctionDecl &Coro, const VarDecl *Var,
                     const Stmt *Start, const CFG *CoroGraph,
                     const SourceManager &SM, const Stmt *OnlyTaskIn = nullptr);

/// How many tasks of \p Coro the function body \p Body starts in one life
/// of its local \p Var: its calls of \p Coro (with \p Through, those that
/// bind that parameter to \p Var), a call in a counting loop within
/// \p Var's scope once per round (a loop that holds \p Var's declaration
/// makes a new life each round); nullopt when a call is in another loop
/// within that scope.
std::optional<unsigned> startsPerLife(const Stmt &Body,
                                      const FunctionDecl &Coro,
                                      const VarDecl &Var,
                                      const ParmVarDecl *Through = nullptr);

/// True when the aborting check of \p Cond (true on the runs that go on:
/// \p Holds) fails until every task of \p Coro started by \p Body has
/// made all its counts of the local \p Counter, the last of which is its
/// last use of what it borrows. A task counts \p Counter (a capture, or
/// through the one parameter its starts bind to it) in one statement, up
/// by one (an increment, an atomic's fetch_add(1): the value; a
/// push_back: a standard container's size), once or once per round of a
/// counting loop; from that statement in the last round no use of what it
/// borrows is reachable on \p CoroGraph. The check is false at every count
/// below the starts times the rounds: a run that goes on past it has every
/// task past its last use.
bool countsEveryTask(const Expr &Cond, bool Holds, const VarDecl &Counter,
                     const FunctionDecl &Coro, const Stmt &Body,
                     const CFG &CoroGraph);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TASKCHANGES_H
