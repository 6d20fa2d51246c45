//===--- ReadyBranches.h - async-lint ---------------------------*- C++ -*-===//
//
// The no-suspend half of a co_await written by hand: code that asks an
// awaitable `aw.await_ready()` and, where it answered true, calls
// `aw.await_resume()` itself (Boost.Cobalt's join and race children:
// `auto rd = aw.await_ready(); if (!rd) { ... co_await aw; } else {
// aw.await_resume(); }`). By the awaitable protocol, await_ready() true
// means the result is there: await_resume() on that branch hands it over
// and waits for nothing (cobalt's thread awaitable joins a std::thread that
// has already finished its coroutine). The names are the language's own
// protocol, not a library's.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_READYBRANCHES_H
#define ASYNC_LINT_MODEL_READYBRANCHES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

/// True when \p Site is a call `aw.await_resume()` on a variable (a local,
/// a parameter, a reference to an element) that runs only in the branch of
/// an enclosing `if` or `?:` where `aw.await_ready()`, on the same variable,
/// answered true: tested directly (`if (aw.await_ready())`, the else of `if
/// (!aw.await_ready())`), or through a local initialised with it that
/// nothing assigns (`auto rd = aw.await_ready(); if (!rd) ... else ...`).
/// Neither the variable nor that local may be assigned between the test and
/// the call (anywhere in the function, to keep it simple).
bool resumesReadyAwaitable(const Stmt &Site, ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_READYBRANCHES_H
