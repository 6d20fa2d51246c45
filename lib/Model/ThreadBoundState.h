//===--- ThreadBoundState.h - async-lint ------------------------*- C++ -*-===//
//
// State that belongs to the thread that computed it: a thread_local's address
// or a reference to it (also through members, elements, and functions that
// return one on every return), state a listed function hands out for the
// calling thread (errno's location), and values computed from the current
// thread's id. Which locals of a function are given such state, and which
// mentions of them do not read it (assignments to them; a thread id compared
// with the id fetched again, or handed to what the coroutine awaits).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_THREADBOUNDSTATE_H
#define ASYNC_LINT_MODEL_THREADBOUNDSTATE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace clang::tidy::async::model {

class FunctionEvents;
class NameMatcher;
class OwnStmts;

/// What a variable was given that belongs to the thread that ran it.
struct ThreadTaking {
  enum KindType { Address, Reference, ThreadId } Kind;
  /// The thread_local, or the function that handed the state out.
  const NamedDecl *Source;
  /// Where it was taken.
  const Expr *Where;
};

/// Mentions of a function's locals that do not read what a variable holds:
/// the targets of assignments; and mentions of a thread id that mean the
/// thread it names: compared with the id fetched again, or handed to what
/// the coroutine awaits.
struct ThreadIdUses {
  llvm::DenseSet<const DeclRefExpr *> Written;
  llvm::DenseSet<const DeclRefExpr *> Compared;
};

/// The first call within \p E (its own code) of a function \p List names.
const Expr *listedCallIn(const Stmt *E, const NameMatcher &List);

/// True when \p S reads what \p Var was given by \p T: it names \p Var, is
/// not a target of an assignment, and (for a thread id) is not compared
/// with the id fetched again.
bool readsTaken(const Stmt &S, const VarDecl &Var, const ThreadTaking &T,
                const ThreadIdUses &U);

/// True when \p S gives \p Var anew: its declaration, or (not for a
/// reference) an assignment to it.
bool retakes(const Stmt &S, const VarDecl &Var);

/// Thread-bound state, under the lists of functions that hand it out;
/// remembers what functions return for a translation unit.
class ThreadBoundState {
public:
  /// \p ThreadAffineFunctions return a pointer or reference to state of
  /// the calling thread; \p ThreadIdFunctions identify the calling thread.
  ThreadBoundState(const NameMatcher &ThreadAffineFunctions,
                   const NameMatcher &ThreadIdFunctions)
      : ThreadAffineFunctions(ThreadAffineFunctions),
        ThreadIdFunctions(ThreadIdFunctions) {}

  /// The thread_local an lvalue names (through members, elements and calls
  /// of functions that return a thread_local by reference); null otherwise.
  const VarDecl *threadLocalOf(const Expr *E);
  /// The thread_local whose address (or first element) the pointer \p E is.
  const VarDecl *addressedThreadLocal(const Expr *E);
  /// The thread_local that the visible function \p FD returns (by reference
  /// or address) on every return; null otherwise. Memoised.
  const VarDecl *returnedThreadLocal(const FunctionDecl &FD);
  /// What \p Init gives a variable of type \p T that is bound to the
  /// thread; \p Ids are the locals known to hold values computed from a
  /// thread id.
  std::optional<ThreadTaking>
  takingOf(const Expr *Init, QualType T,
           const llvm::DenseSet<const VarDecl *> &Ids);
  /// True when \p E calls a thread id function, or names a local
  /// initialised by such a call.
  bool fetchesThreadId(const Expr *E) const;
  /// False when forEachTaking can find nothing in the function whose events
  /// are \p Events (\p Own its own statements): it names no thread_local
  /// and calls no listed function and no function that returns a
  /// thread_local. Most functions do neither, and are not walked for
  /// takings at all.
  bool mayTake(const FunctionEvents &Events, const OwnStmts &Own);
  /// The mentions of locals in \p Body that do not read them. \p Own, when
  /// given, holds the own statements of the function \p Body is in, read
  /// instead of walking (also in forEachTaking).
  ThreadIdUses usesIn(const Stmt &Body, const OwnStmts *Own = nullptr) const;
  /// Calls \p Visit, in source order, for every local of \p Body (not a
  /// parameter) given thread-bound state by its declaration (a single one)
  /// or an assignment, with the statement that gives it.
  void forEachTaking(const Stmt &Body,
                     llvm::function_ref<void(const VarDecl &, const Stmt &,
                                             const ThreadTaking &)>
                         Visit,
                     const OwnStmts *Own = nullptr);
  /// Forgets what was found (a new translation unit).
  void clear() { ReturnedThreadLocals.clear(); }

private:
  const NameMatcher &ThreadAffineFunctions;
  const NameMatcher &ThreadIdFunctions;
  llvm::DenseMap<const FunctionDecl *, const VarDecl *> ReturnedThreadLocals;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_THREADBOUNDSTATE_H
