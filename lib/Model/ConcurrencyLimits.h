//===--- ConcurrencyLimits.h - async-lint -----------------------*- C++ -*-===//
//
// Whether a loop that starts tasks limits how many run at once: its body
// awaits an acquisition (a listed limiter function, or an operation on an
// object of a listed limiter type: a semaphore, a bounded channel), or tests
// a counter it counts up or down, and waits, skips or guards the spawn on it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONCURRENCYLIMITS_H
#define ASYNC_LINT_MODEL_CONCURRENCYLIMITS_H

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// True when \p Call takes a slot: it calls a function of
/// \p LimiterFunctions or a member of a class of \p LimiterTypes.
bool limitsByCall(const CallExpr &Call, const NameMatcher &LimiterFunctions,
                  const NameMatcher &LimiterTypes);

/// True when \p Loop's body limits how many tasks run at once: it calls a
/// function of \p LimiterFunctions or a member of a class of \p LimiterTypes,
/// or an if or while of it compares a counter the body counts and waits,
/// skips or (an if) guards; or the loop's own condition compares such a
/// counter (a for's, unless it is the counter alone).
bool limitsConcurrency(const Stmt &Loop, const NameMatcher &LimiterFunctions,
                       const NameMatcher &LimiterTypes);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONCURRENCYLIMITS_H
