//===--- HoldLifetimes.h - async-lint ---------------------------*- C++ -*-===//
//
// Does a coroutine hold, across a suspension, something that dies or changes
// meanwhile? The rules of async-dangling-reference about a coroutine's own
// body, as evidence: references, views and range-for loops into an awaited
// temporary (AwaitedTemporaries) or a part of its result; references,
// iterators and views into a member or shared container that other code
// modifies (ContainerHolds, ContainerModifications); '*this' reached
// without checking a weak reference (DetachedObjects); and, strictly, any
// reference parameter used after a suspension.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_HOLDLIFETIMES_H
#define ASYNC_LINT_MODEL_HOLDLIFETIMES_H

#include "CallLifetimes.h"
#include "ContainerModifications.h"

namespace clang::tidy::async::model {

/// What the rules read: the check's options and its per-unit memos.
struct HoldLifetimeRules {
  const NameMatcher &ViewTypes;
  bool ReferenceWrappers;
  /// A reference returned by an await_resume whose body is not visible
  /// refers into the awaited object.
  bool OpaqueAwaitResults;
  /// Also every referring parameter used after a suspension.
  bool StrictParameters;
  ContainerModifications &Modifications;
  DetachedObjects &Detached;
  LibraryAnalyses A;
};

/// What the coroutine \p Coro (of user body \p Body) holds across a
/// suspension that dies or changes meanwhile, rule by rule in the order
/// above.
LifetimeFindings holdLifetimes(const FunctionDecl &Coro, const Stmt &Body,
                               ASTContext &Ctx, const HoldLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_HOLDLIFETIMES_H
