//===--- Awaitables.h - async-lint ------------------------------*- C++ -*-===//
//
// Task and awaitable types, recognised by structure: a task type is a type
// with a promise (reachable through std::coroutine_traits), an awaitable is a
// type with the await_ready/await_suspend/await_resume members or an operator
// co_await, and a coroutine can await whatever its promise's await_transform
// accepts. Nothing here depends on library names; Library.h adds those.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_AWAITABLES_H
#define ASYNC_LINT_MODEL_AWAITABLES_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

namespace clang::tidy::async::model {

/// True when \p T is an awaitable type by structure: a class with the
/// await_ready/await_suspend/await_resume members, or with a member or
/// namespace-scope operator co_await.
bool isAwaitableType(QualType T);

/// The promise type of a coroutine returning \p T: the promise_type of
/// std::coroutine_traits<T, ...> (a specialisation of it for T's class or
/// class template, as asio has for awaitable, or T's nested promise_type).
/// Null when \p T is not a task type.
const CXXRecordDecl *promiseTypeOf(QualType T);

/// True when \p T is the return type of coroutines: it has a promise.
inline bool isTaskType(QualType T) { return promiseTypeOf(T) != nullptr; }

/// True when \p T is a generator: a coroutine type whose promise yields
/// values (has yield_value), so that its coroutine goes on after it hands
/// over a value.
bool yieldsValues(QualType T);

/// True when \p T is a synchronous generator: a coroutine type whose promise
/// yields values (has yield_value) and that cannot itself be awaited. It runs
/// only as it is iterated; dropping one drops no work.
bool isSynchronousGenerator(QualType T);

enum class Laziness { Lazy, Eager, Unknown };

/// Whether a task of type \p T runs before it is awaited: lazy when its
/// promise's initial_suspend returns an awaiter whose await_ready is constant
/// false (std::suspend_always or equivalent), eager when constant true
/// (std::suspend_never), unknown otherwise.
Laziness lazinessOf(QualType T);
/// True when whether \p T's coroutines start eagerly is unknown only
/// because the parser skipped a body that would say (clangd's preamble skips
/// the await_ready of a header's initial awaiter): the driver, which reads
/// it, would know, so the editor claims nothing that depends on it.
bool lazinessHidden(QualType T);

/// Whether every coroutine returning \p T is lazy, or every one eager: the
/// promises of all the std::coroutine_traits specialisations for \p T (the
/// traits may choose by the parameter types too: concurrencpp's result is
/// eager, or rescheduled on an executor first) and \p T's own promise.
/// Unknown when they disagree or one is unknown.
Laziness lazinessOfEveryPromise(QualType T);

/// The same, for the promise \p Promise.
Laziness lazinessOfPromise(const CXXRecordDecl *Promise);

/// The laziness of the coroutine \p Coro itself, from the promise its body
/// uses (coroutine_traits may choose it by the parameter types too, as
/// concurrencpp does for executor-bound coroutines).
Laziness lazinessOfCoroutine(const FunctionDecl &Coro);

/// The constant result of \p Awaiter's await_ready, when its body is a
/// single return of a constant.
std::optional<bool> constantAwaitReady(QualType Awaiter);

/// True when awaiting \p Awaiter does nothing: its await_ready is constant
/// true (await_suspend never runs) and its await_resume's body is empty
/// (std::suspend_never). Dropping one loses no work.
bool isInertAwaiter(QualType Awaiter);

/// True when the coroutine \p Coro can 'co_await' a value of type \p T: its
/// promise's await_transform accepts T, or (without await_transform) T is
/// awaitable.
bool canAwaitIn(const FunctionDecl &Coro, QualType T);

class NameMatcher;

/// True when a suspension point may suspend: false when its awaiter's
/// await_ready is constant true, or when the awaited operand's type is one
/// of \p NonSuspending (asio's this_coro::executor, awaited through
/// await_transform).
bool canSuspend(const CoroutineSuspendExpr &Suspend,
                const NameMatcher *NonSuspending = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_AWAITABLES_H
