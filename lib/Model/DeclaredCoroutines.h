//===--- DeclaredCoroutines.h - async-lint ----------------------*- C++ -*-===//
//
// Coroutines whose body is not in the translation unit: which callees are
// such coroutines, judged by their declared task type, and what their
// declarations say about how long they borrow a reference parameter.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DECLAREDCOROUTINES_H
#define ASYNC_LINT_MODEL_DECLAREDCOROUTINES_H

#include "ArgumentDeaths.h"
#include "CoroutineCalls.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async::model {

/// What a declared coroutine is known to do with a referring parameter.
enum class Borrow {
  /// An eager task type: nothing says.
  Unknown,
  /// A lazy task type: the body uses it only after the call has returned.
  Lazy,
  /// The task type is marked coro_return_type and coro_lifetimebound.
  CoroLifetimebound,
  /// The parameter is marked lifetimebound.
  Lifetimebound,
};

/// Which callees are coroutines defined elsewhere, memoised per declaration
/// for a translation unit.
class DeclaredCoroutines {
public:
  /// The callee of \p Call when it has no body here, returns a new task by
  /// value and is none of \p Lib's spawns, combinators or waits; else null.
  /// A virtual call is judged by what the unit shows it may run: the
  /// method it is known to reach (a final class or method, an object of
  /// known dynamic type: Clang's devirtualisation), returned when that is a
  /// coroutine defined here, null when it is not one; else the overrides
  /// the unit defines in the classes the object's static type may be: null
  /// when none is a coroutine (they do not borrow by being one), the one
  /// coroutine among them (judged by its body), or, with several, the
  /// callee judged by type for the parameters one of them names; only
  /// with no override defined, by the declared type alone.
  const FunctionDecl *calledBy(const CallExpr &Call, const Library &Lib);
  /// False when \p Call (a virtual call calledBy returned the declared
  /// callee of) may run several coroutine overrides defined here, none of
  /// which names its parameter number \p Index: nothing borrows it.
  bool mayBorrow(const CallExpr &Call, unsigned Index) const;
  /// True when \p Call is virtual and the unit defines no override it may
  /// reach: it is judged by its declared type alone.
  bool judgedByType(const CallExpr &Call) const;
  /// \p Callee returns a new task by value and does not opt out of Clang's
  /// coroutine lifetime analysis (coro_wrapper, coro_disable_lifetimebound).
  bool returnsNewTask(const FunctionDecl &Callee);
  void clear() {
    ReturnsNewTask.clear();
    Overriders.reset();
    Borrowers.clear();
    ByType.clear();
  }

private:
  using Methods = llvm::SmallVector<const CXXMethodDecl *, 2>;
  /// The definitions in the unit that override \p MD (directly or not).
  const Methods &overridersOf(const CXXMethodDecl &MD);
  /// What \p Call of the virtual \p MD may run, as calledBy says.
  const FunctionDecl *dispatched(const CXXMemberCallExpr &Call,
                                 const CXXMethodDecl &MD);

  llvm::DenseMap<const FunctionDecl *, bool> ReturnsNewTask;
  /// The overriding definitions of each virtual method (canonical), once
  /// per unit, when first asked.
  std::optional<llvm::DenseMap<const CXXMethodDecl *, Methods>> Overriders;
  /// The virtual calls judged by type for the coroutine overrides they may
  /// run, and those with no override defined.
  llvm::DenseMap<const CallExpr *, Methods> Borrowers;
  llvm::DenseSet<const CallExpr *> ByType;
};

/// Why the declared coroutine of \p C borrows \p Param (null: its implicit
/// object): lifetimebound, coro_lifetimebound, or a lazy task.
Borrow borrowOf(const CoroutineCall &C, const ParmVarDecl *Param);

/// The argument \p Arg for the referring parameter \p Param of the
/// declared coroutine of \p C refers to something that dies before the task
/// may be done with it, by what the declaration says (\p B receives it):
/// with borrowing unknown (an eager task type) only with
/// \p EagerTemporaries, for a temporary whose task is awaited after the full
/// expression (the caller expects it to suspend); not for a lazy adapter that
/// takes a task over. std::nullopt otherwise.
std::optional<ArgumentDeath>
declaredArgumentDeath(const CoroutineCall &C, const ParmVarDecl &Param,
                      const Expr &Arg, bool EagerTemporaries, Borrow &B);

/// The argument \p Arg for the referring parameter \p Param of the
/// declared coroutine of \p C, when another unit's summary says that the
/// coroutine uses \p Param after it may have suspended: it refers to a
/// temporary or a local that dies before the task is done, whatever the
/// task's laziness; not for a lazy adapter that takes a task over, nor for a
/// parameter whose attributes already say how long it is borrowed.
/// std::nullopt otherwise.
std::optional<ArgumentDeath> summarisedArgumentDeath(const CoroutineCall &C,
                                                     const ParmVarDecl &Param,
                                                     const Expr &Arg);

/// The object \p Object a declared member coroutine of \p C is called on
/// (its implicit reference parameter, borrowed as \p B says: lazily or
/// coro_lifetimebound) dies before the task may be done with it;
/// std::nullopt otherwise.
std::optional<ArgumentDeath> declaredObjectDeath(const CoroutineCall &C,
                                                 const Expr &Object, Borrow &B);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DECLAREDCOROUTINES_H
