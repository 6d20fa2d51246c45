//===--- NonOwningWrappers.h - async-lint -----------------------*- C++ -*-===//
//
// Wrappers that keep only a reference to the lambda they wrap (issue #24):
// `seastar::coroutine::lambda` holds a pointer to a coroutine lambda, so
// that a temporary lambda lives for the full expression that awaits it. A
// wrapper of a temporary lambda kept past that full expression (in a local,
// or returned), directly or inside an object whose type names the
// wrapper's (`std::unique_ptr<job<coroutine::lambda<L>>>`), calls a dead
// closure when it is called later.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_NONOWNINGWRAPPERS_H
#define ASYNC_LINT_MODEL_NONOWNINGWRAPPERS_H

#include "ClosureLifetimes.h"

namespace clang::tidy::async::model {

/// Wrapper classes that keep a reference or a pointer to the function
/// object they wrap, not a copy.
constexpr llvm::StringLiteral DefaultNonOwningWrappers =
    "seastar::coroutine::lambda";

/// A wrapper of \p Wrappers (by its class's canonical name) built around a
/// temporary capturing coroutine lambda in the initialiser of a local
/// declared by \p S (then used) or in the value \p S returns, when the
/// type of what keeps the value names the wrapper's type (itself, or a
/// template argument of it, of its pointee, at any depth): the wrapper
/// outlives the full expression, the closure it refers to does not. In
/// \p Encl; the lambda must use a capture at all.
LifetimeFindings heldNonOwningWrappers(const Stmt &S,
                                       const NameMatcher &Wrappers,
                                       const EnclosingFunction &Encl,
                                       const ClosureLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_NONOWNINGWRAPPERS_H
