//===--- DroppedHandlers.h - async-lint -------------------------*- C++ -*-===//
//
// Coroutines made handlers: a coroutine lambda converted to a type-erased
// function wrapper whose call returns void (`std::function<void(const T &)>
// h = [](const T &x) -> fire_and_forget { co_await ...; use(x); };`). Every
// call of the wrapper starts the coroutine and throws its task away, so an
// eager coroutine runs on detached, after the call has returned; and the
// wrapper's signature lends its reference arguments for the call only (the
// caller, hidden behind the wrapper, may pass a temporary or a local). A
// reference, pointer or view parameter the coroutine uses after it may have
// suspended refers to what may be gone: the declaration rule of
// StrictParameters, shown here by the code rather than assumed.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DROPPEDHANDLERS_H
#define ASYNC_LINT_MODEL_DROPPEDHANDLERS_H

#include "CallLifetimes.h"

namespace clang::tidy::async::model {

class OwnStmts;

/// The findings for the coroutine lambdas that the own statements \p Own of
/// a function convert to a `FunctionWrappers` class (R.FunctionWrappers) whose
/// call returns void: one per referring parameter (R.refersThrough) of an
/// eager coroutine that uses it after a suspension point, at the parameter,
/// with notes at the conversion and the use.
LifetimeFindings droppedHandlerParameters(const OwnStmts &Own,
                                          const CallLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DROPPEDHANDLERS_H
