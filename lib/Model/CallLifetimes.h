//===--- CallLifetimes.h - async-lint ---------------------------*- C++ -*-===//
//
// Does a call hand a coroutine something that dies while its task still
// uses it? The call-site rules of async-dangling-reference, as evidence: a
// reference, pointer or view argument (or the object of a member coroutine)
// that refers to a temporary or a local dying too early, of a coroutine
// defined here or only declared, directly or through a wrapper that returns
// its task; and a member coroutine run detached on an object nothing keeps
// alive. The facts are ArgumentDeaths, DeclaredCoroutines, DetachedObjects,
// ForwardedArguments and Owners'.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CALLLIFETIMES_H
#define ASYNC_LINT_MODEL_CALLLIFETIMES_H

#include "BorrowedParameters.h"
#include "CoroutineCalls.h"
#include "DeclaredCoroutines.h"
#include "DetachedObjects.h"
#include "LibraryAnalyses.h"
#include "LifetimeEvidence.h"

namespace clang::tidy::async::model {

class DestructorJoins;
class DetachedHandOffs;
class TaskWaits;

/// A unit's findings of one rule, in the order they are reported.
using LifetimeFindings = llvm::SmallVector<LifetimeEvidence, 1>;

/// What the call-site rules read: the check's options and its per-unit
/// memos.
struct CallLifetimeRules {
  const NameMatcher &ViewTypes;
  /// Type-erased function objects (std::function) whose target a caller
  /// may show.
  const NameMatcher &FunctionWrappers;
  bool ReferenceWrappers;
  /// Also a member coroutine detached on '*this' of any class.
  bool StrictDetachedThis;
  /// An eager declared-only coroutine may keep a temporary argument.
  bool DeclaredEagerTemporaries;
  LateParameterUses &Late;
  DetachedObjects &Detached;
  LibraryAnalyses A;
  /// Other units' summaries of the coroutines this unit only declares
  /// (null: none are read).
  ParameterBorrows *Borrows = nullptr;
  /// Calls that block until something completes: a dropped task whose
  /// destructor waits on its promise with one of them is joined, not
  /// detached (JoiningTasks.h). Null: none is.
  const NameMatcher *BlockingWaits = nullptr;
  /// Other units' summaries of the destructors of task types this unit
  /// only declares: one that joins its task's coroutine (null: none read).
  DestructorJoins *Joins = nullptr;
  /// Other units' summaries of the functions this unit only declares that
  /// detach a task handed to them (null: none read).
  DetachedHandOffs *Detaches = nullptr;
  /// The caller's own waits for the tasks it starts (null: none read).
  TaskWaits *OwnWaits = nullptr;
  /// What the unit shows of the overrides of a declared-only virtual
  /// coroutine (null: nothing; every parameter may be borrowed).
  const DeclaredCoroutines *Overrides = nullptr;

  bool refersThrough(const ParmVarDecl &Param) const {
    return model::refersThrough(Param, ViewTypes, ReferenceWrappers);
  }
};

/// The function a call is made in: its body, and its task flow (built only
/// when a question needs it).
struct CallerOf {
  const Stmt &Body;
  llvm::function_ref<const TaskFlow &()> Flow;
  /// The function itself (null: its own waits are not read).
  const FunctionDecl *Decl = nullptr;
};

/// What \p Call of the coroutine \p Coro (defined here or only declared)
/// hands it that dies too early: its arguments, then its object.
LifetimeFindings coroutineCallLifetimes(const CallExpr &Call,
                                        const FunctionDecl &Coro,
                                        const CallerOf &Caller,
                                        const CallLifetimeRules &R);

/// What \p Call of \p Callee, a function (not a coroutine) that returns a
/// task, or a type-erased function object's call operator, hands on to a
/// coroutine that dies too early.
LifetimeFindings wrapperCallLifetimes(const CallExpr &Call,
                                      const FunctionDecl &Callee,
                                      const CallerOf &Caller,
                                      const CallLifetimeRules &R);

/// The calls in \p Body (of the function whose flow \p Flow returns, asked
/// only once such a call is found) of member functions that run a member
/// coroutine detached on an object dying while the task runs.
LifetimeFindings detachingCallLifetimes(
    const Stmt &Body, llvm::function_ref<const TaskFlow &()> Flow,
    const SourceManager &SM, const OwnStmts *Own, const CallLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CALLLIFETIMES_H
