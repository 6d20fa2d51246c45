//===--- CombinedStarts.h - async-lint --------------------------*- C++ -*-===//
//
// Lazy coroutine lambdas whose tasks a combinator starts inline: the lambda
// is stored in a local of the plain function that creates it, every call of
// it is pushed (push_back, emplace_back) into one local container, and that
// container is moved into the init-capture of a coroutine lambda whose only
// use of the capture is handing it to a combinator that starts its children
// inline (the shared list InlineStartCombinators: async_simple's collectAll,
// not collectAllPara), awaited before that coroutine first suspends. The
// combinator starts each child on the awaiting coroutine's thread, so each
// child runs its code before its first suspension where its parent runs its
// own (cinatra's tests: `co_await collectAll(std::move(tasks));` in a lambda
// that a sync-wait in the test case runs).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COMBINEDSTARTS_H
#define ASYNC_LINT_MODEL_COMBINEDSTARTS_H

#include "AnalysisSession.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// The coroutine lambda whose await of an \p InlineCombinators call starts
/// every task of the coroutine lambda \p Coro (see above), before it first
/// suspends (on \p Session's suspension flow for \p Lib); null when there is
/// none or \p Coro's tasks may be started elsewhere.
const FunctionDecl *inlineCombinedParent(const FunctionDecl &Coro,
                                         const NameMatcher &InlineCombinators,
                                         AnalysisSession &Session,
                                         AnalysisSession::LibraryId Lib);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COMBINEDSTARTS_H
