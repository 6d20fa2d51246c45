//===--- JoinedDrops.h - async-lint -----------------------------*- C++ -*-===//
//
// A dropped eager task that loses nothing: the function that drops it joins
// it through a local the task signals as its last act (WaitedOut.h's
// joinsBySignal: a nested event loop it quits and the function then runs),
// and the task returns no value and lets no exception escape its body (one
// it catches into the caller's local is the caller's to rethrow). QCoro's
// waitFor drives its coroutine so.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_JOINEDDROPS_H
#define ASYNC_LINT_MODEL_JOINEDDROPS_H

#include "Library.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// True when the function \p FD joins the dropped task that \p Call starts,
/// an eager one, and the task loses nothing (its value, its exceptions).
bool joinedBySignal(const FunctionDecl &FD, const Expr &Call,
                    const Library &Lib, ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_JOINEDDROPS_H
