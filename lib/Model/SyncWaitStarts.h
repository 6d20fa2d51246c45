//===--- SyncWaitStarts.h - async-lint --------------------------*- C++ -*-===//
//
// Coroutine lambdas that only a sync-wait call runs: the lambda is stored in
// a local of the (non-coroutine) function that creates it, and every mention
// of that local is a call of it handed to a sync-wait function
// (sync_wait(make_test())). Until such a coroutine first suspends, it runs on
// that function's thread, not an executor's.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SYNCWAITSTARTS_H
#define ASYNC_LINT_MODEL_SYNCWAITSTARTS_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// Which coroutine lambdas only a sync-wait runs; remembered for a
/// translation unit.
class SyncWaitStarts {
public:
  /// True when the coroutine lambda \p Coro is only ever run by a call of
  /// \p SyncWaitFunctions in the function that creates it. Memoised.
  bool startedOnlyBySyncWait(const FunctionDecl &Coro,
                             const NameMatcher &SyncWaitFunctions);
  /// Forgets what was found (a new translation unit).
  void clear() { Started.clear(); }

private:
  llvm::DenseMap<const FunctionDecl *, bool> Started;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SYNCWAITSTARTS_H
