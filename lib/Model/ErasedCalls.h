//===--- ErasedCalls.h - async-lint -----------------------------*- C++ -*-===//
//
// A call of a type-erased function object (std::function, FunctionWrappers)
// whose target the calling function does not show: a parameter, a member,
// a local assigned later. Its type is all there is to read, as for a
// coroutine declared only: when the call operator returns a lazy task type
// (by its promise), whatever function the object holds runs only once the
// task is awaited, after the call has returned, so a reference, pointer or
// view argument that dies before the task is done may be read dangling.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ERASEDCALLS_H
#define ASYNC_LINT_MODEL_ERASEDCALLS_H

#include "CallLifetimes.h"

namespace clang::tidy::async::model {

/// What \p Call of \p Op, the call operator of a type-erased function
/// object called through \p Object, hands its task that dies too early:
/// each argument for a reference, pointer or view parameter that is a
/// temporary or a local the task (of a lazy type) outlives.
LifetimeFindings erasedCallLifetimes(const CallExpr &Call,
                                     const CXXMethodDecl &Op,
                                     const Expr &Object, const CallerOf &Caller,
                                     const CallLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ERASEDCALLS_H
