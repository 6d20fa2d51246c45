//===--- LateParameterUses.h - async-lint -----------------------*- C++ -*-===//
//
// When a coroutine uses one of its parameters (or its object) after it may
// have suspended: the question behind every call that hands a coroutine a
// reference whose referent may die first.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LATEPARAMETERUSES_H
#define ASYNC_LINT_MODEL_LATEPARAMETERUSES_H

#include "LibraryAnalyses.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

/// The first use of a coroutine's parameter that may run after the
/// coroutine has suspended, memoised per coroutine and parameter for a
/// translation unit. Evidence: a lazy coroutine's whole body (it suspends
/// before its body runs); an eager one's CFG (SuspensionFlow), unless every
/// suspension point of its body is a co_await on a result its own path
/// facts show ready (it then never suspends in its body).
class LateParameterUses {
public:
  /// The first use of parameter \p Index (-1: 'this') of \p Coro that may
  /// run after the coroutine has suspended; null when there is none.
  const Stmt *firstLateUse(const FunctionDecl &Coro, int Index,
                           const LibraryAnalyses &A);
  void clear() { Uses.clear(); }

private:
  llvm::DenseMap<std::pair<const FunctionDecl *, int>, const Stmt *> Uses;
};

/// For a coroutine that is not lazy: the first use of its object (index 0)
/// and of each of its parameters (index I + 1) that may run after it has
/// suspended, null where there is none; asked once per coroutine and kept
/// with the session's answers about it for the whole unit (FunctionAnswers),
/// so that a caller asking after its analyses were freed builds none again.
llvm::ArrayRef<const Stmt *> lateUsesOf(const FunctionDecl &Coro,
                                        const LibraryAnalyses &A);

/// True when every suspension point of the body of \p Coro is a co_await on
/// a result its own path facts show ready there (none can suspend), and
/// there is at least one.
bool awaitsOnlyReady(const FunctionDecl &Coro, const LibraryAnalyses &A);

/// True when every suspension point of the body of the eager coroutine
/// lambda \p Op is a co_await of a local of \p Caller captured by
/// reference, named in the body only there, that \p Caller's path facts
/// show ready when \p Call (its call of \p Op) starts (set by a
/// ReadyAfterCall member before): the body never suspends and runs to its
/// end inside \p Call. There is one at least.
bool awaitsOnlyReadyAtCall(const CXXMethodDecl &Op, const Stmt &Call,
                           const FunctionDecl &Caller,
                           const LibraryAnalyses &A);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LATEPARAMETERUSES_H
