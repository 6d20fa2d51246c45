//===--- DroppedValues.h - async-lint ---------------------------*- C++ -*-===//
//
// What dropping a value loses: which expressions a statement evaluates and
// discards, what dropping a value of a type means (a task that never runs or
// runs detached, an awaitable, an operation that starts only when awaited),
// and which local containers destroy only what they hold. The facts behind
// async-discarded-awaitable.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPPEDVALUES_H
#define ASYNC_LINT_MODEL_DROPPEDVALUES_H

#include "Awaitables.h"
#include "Library.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace clang::tidy::async::model {

/// Calls \p Fn for every expression that \p S evaluates and discards (the
/// statements of a block, of a branch or loop body, a for loop's increment),
/// with whether it is a whole statement.
void forEachDiscardedChild(const Stmt &S,
                           llvm::function_ref<void(const Expr *, bool)> Fn);

/// True for `(void)E`: an explicit cast to void.
bool isVoidCast(const Expr *E);

/// How a finding names the callee of \p Call: 'name', "a lambda", or "this
/// call" when the callee is not known.
std::string discardedCalleeName(const Expr &Call);

/// True for a container of the standard library (a class of namespace std
/// with begin()): destroying it destroys what it holds and nothing else. A
/// library's own collection of tasks may start what it is given (a scope).
bool isStdContainer(QualType T);

/// The local whose contents \p Call, a member call, exchanges with another
/// object of its type (`v.swap(w)`): the tasks live on in the other. Null
/// for any other statement.
const VarDecl *exchangesContents(const Stmt &Call);

/// True when a value of type \p T is a handle on the outcome of work, not
/// work still to start: an awaitable that no coroutine returns (no promise:
/// no body of its own runs behind it, as a JavaScript-like promise on a
/// shared result, an event) or a task whose coroutines start eagerly (its
/// work runs whether the value is kept or not). Every use of one reads or
/// hands on its result (get(), is_ready(), then(), passing it on), not only
/// co_await; it is lost only when nothing uses it. A lazy task is work:
/// observing it (valid(), done()) does not run it.
bool isResultHandle(QualType T);

/// What dropping a value of some type means; Kind::None when nothing.
struct DropVerdict {
  enum class Kind { None, Task, Awaitable, DeferredOperation } What;
  model::Laziness Laziness;
  /// A deferred operation whose token is the default one: its name.
  std::string DefaultToken = {};
};

/// Judges values under a library configuration: a call given (or defaulting
/// to) a deferred completion token is an operation that starts only when
/// awaited; a future a visible function returns from a promise is the
/// outcome of work that runs without it; otherwise the type decides (task
/// lists, fire-and-forget types, awaitability, laziness), judged once per
/// type until reset.
class DropVerdicts {
public:
  explicit DropVerdicts(const Library &Lib) : Lib(Lib) {}

  /// What dropping a value of type \p T, made by \p Call (may be null),
  /// means.
  DropVerdict judge(QualType T, const Expr *Call) const;
  /// Forgets the types and callees of the previous translation unit.
  void reset() {
    TypeVerdicts.clear();
    FutureCallees.clear();
  }

private:
  DropVerdict judgeType(QualType T) const;
  /// Whether \p Call makes a promise's future, or its callee returns one
  /// (PromiseFutures.h).
  bool returnsFuture(const CallExpr &Call) const;
  /// Whether the function \p Def returns a promise's future, directly or
  /// through helpers that do (\p Depth: helpers followed so far). Memoised.
  bool calleeReturnsFuture(const FunctionDecl &Def, unsigned Depth) const;

  const Library &Lib;
  mutable llvm::DenseMap<const Type *, DropVerdict> TypeVerdicts;
  mutable llvm::DenseMap<const FunctionDecl *, bool> FutureCallees;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPPEDVALUES_H
