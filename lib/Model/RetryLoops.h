//===--- RetryLoops.h - async-lint ------------------------------*- C++ -*-===//
//
// A loop that retries a call which may make no progress: a try-operation
// (try_pop, try_lock, try_send) that, when it fails, returns and changes
// nothing. A loop that leaves only once such a call succeeded, and changes
// nothing else, waits for another task or thread to make the call succeed:
// it spins, although the call is not const. A loop that leaves when the call
// fails (`while (q.try_pop(x))`) drains its input and ends by itself.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_RETRYLOOPS_H
#define ASYNC_LINT_MODEL_RETRYLOOPS_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// When \p Loop (a for, while or do statement) leaves only after a call
/// listed in \p MayFail succeeded, goes round again whenever it failed, and
/// makes no other change that could make it succeed (no call that may
/// change unseen state, no change of the object the call is made on): that
/// call. Null otherwise.
const CallExpr *retriedCall(const Stmt &Loop, const ASTContext &Ctx,
                            const NameMatcher &MayFail);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_RETRYLOOPS_H
