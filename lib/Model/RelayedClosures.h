//===--- RelayedClosures.h - async-lint -------------------------*- C++ -*-===//
//
// Closures handed on by the code they are given to (issue #24). Two facts
// ClosureConsumers does not read from a consumer's visible body:
//   - a consumer that moves its function-object parameter into an
//     init-capture of a lambda it hands to a callback API (or to a visible
//     consumer) and that lambda calls it: the copy dies with that lambda
//     once its call returns (`[f = std::forward<F>(f)] { return f(); }`
//     given to `then`);
//   - a consumer that calls its reference parameter and returns the task
//     (`template <class F> auto with_gate(gate &, F &&f) { auto r = f();
//     ...; return r; }`): the caller's full expression decides, and a task
//     it drops (eager) or keeps past the closure's death outlives the
//     closure.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RELAYEDCLOSURES_H
#define ASYNC_LINT_MODEL_RELAYEDCLOSURES_H

#include "ClosureConsumers.h"
#include "ClosureLifetimes.h"

namespace clang::tidy::async::model {

/// How the visible body of the function \p Call calls relays its argument
/// \p I: the call, in the body of a lambda the callee hands to one of
/// \p Callbacks (or to a visible consumer), of the init-capture that lambda
/// took from the parameter. Empty when there is none, or when the callee
/// waits for work to finish (\p Waits).
Consumption relayedConsumption(const CallExpr &Call, unsigned I,
                               const NameMatcher &Callbacks,
                               const NameMatcher &Waits);

/// Capturing coroutine lambdas bound to a reference parameter of the
/// visible function \p Call calls, which calls the parameter and returns
/// the task, when the caller (\p Encl) drops the task of \p Call (eager) or
/// keeps it beyond the death of the closure.
LifetimeFindings returnedClosureLifetimes(const CallExpr &Call,
                                          const EnclosingFunction &Encl,
                                          const ClosureLifetimeRules &R,
                                          const OwnStmts *Own = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RELAYEDCLOSURES_H
