//===--- AwaitResult.h - async-lint -----------------------------*- C++ -*-===//
//
// What the result of a 'co_await' refers to: an awaiter whose await_resume
// returns a reference may hand out a reference into itself (or into what it
// owns: a promise through its handle, a shared state it holds), which dies
// with the awaiter when the awaited operand is a temporary.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_AWAITRESULT_H
#define ASYNC_LINT_MODEL_AWAITRESULT_H

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

/// Where the reference a 'co_await' produces points.
enum class AwaitResultRef {
  /// Not a reference into the awaited object: a value, or a reference
  /// await_resume takes from a global, or that is exactly what a pointer or
  /// a reference the awaitable keeps designates (cppcoro's task<T&> keeps a
  /// T* to the caller's object; a ready<int&> keeps an int& member; a
  /// tuple of references hands out its element).
  Elsewhere,
  /// await_resume returns a reference to a member of its object, or to
  /// something reached through one (the promise, a shared state).
  IntoAwaited,
  /// await_resume returns a reference and its body is not visible, or it
  /// returns through a function given the awaited object whose body is not
  /// visible or that lies too deep to follow.
  Unknown,
};

/// What the result of \p Await refers to, judged by the body of the
/// awaiter's await_resume, following the functions it returns through
/// (members of any object, static and free helpers, std::move and
/// std::forward; ten calls deep) with their parameters bound to the
/// arguments.
AwaitResultRef awaitResultRef(const CoawaitExpr &Await);

/// True when the operand of \p Await is a temporary that dies at the end of
/// the full expression (not one whose lifetime a declaration extends).
bool awaitsTemporary(const CoawaitExpr &Await);

/// The 'co_await' whose result \p E is, or a part of: through parentheses,
/// implicit casts, and accesses to non-static data members ('.' on the
/// result, not '->', which leaves the object). Null when \p E is neither.
const CoawaitExpr *awaitedPartOf(const Expr *E);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_AWAITRESULT_H
