//===--- NoExecutor.h - async-lint ------------------------------*- C++ -*-===//
//
// Code that runs only when the coroutine has no executor: a branch taken
// when the executor the coroutine asked for (co_await CurrentExecutor() in
// async_simple) is null. There is then no executor thread to stall; a
// library falls back to blocking there on purpose (async_simple's sleep).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_NOEXECUTOR_H
#define ASYNC_LINT_MODEL_NOEXECUTOR_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// The if statement of \p Body under which \p Site runs only when a local
/// initialised by awaiting one of \p CurrentExecutors (the awaitable that
/// yields the coroutine's executor) is null: `if (!ex)`, `if (ex ==
/// nullptr)`, or the else branch of `if (ex)`. Null when there is none.
const IfStmt *noExecutorBranch(const Stmt &Body, const Stmt &Site,
                               const NameMatcher &CurrentExecutors,
                               ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_NOEXECUTOR_H
