//===--- LocalResumers.h - async-lint ---------------------------*- C++ -*-===//
//
// A coroutine whose only possible resumers are local objects of the
// function that starts it, driven by that function itself, cannot outlive
// the function's locals: an eager task parked in `co_await mtx.lock()` on a
// local async mutex, `co_await q.push(v)` on a local queue, `co_await
// wait_in(ep, ev)` on a local epoll set the function polls, is resumed only
// inside one of the function's own calls on that object (`mtx.unlock()`,
// `q = queue()`, `ep.wait(...)`) or by its destructor. If the function stops
// driving it, the coroutine stays parked for good: leaked, not dangling.
//
// The evidence, for every such object: it is a local made from constants
// (or moved or copied from another such object), so it is attached to no
// executor; its class holds no thread (no member of a type that has a join
// in the waits' list); every mention of it in the function is a member call
// on it, the argument of a call that only makes member calls on it (or of a
// coroutine that is itself resumed only by such objects), a by-reference
// capture of such a coroutine lambda, or a move or copy into another such
// local; none of those calls can come after the referenced local dies; and
// it dies first (declared after it, within its scope), or is the referenced
// local itself, or its destructor (and its members', bases') resumes
// nobody.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOCALRESUMERS_H
#define ASYNC_LINT_MODEL_LOCALRESUMERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// True when every resumption of the eager coroutine \p Coro, started by
/// the statement \p Start of \p Body, happens inside \p Body's own calls on
/// its local objects (or their destructors) while \p Dying is alive: every
/// suspension point of \p Coro awaits an awaiter obtained from such objects
/// (a member call on one, a call or construction given one) and nothing
/// else that may resume it. \p Waits: the blocking waits (a class with a
/// member of a type that has a `join` among them holds a thread).
bool resumedOnlyByLocals(const Stmt &Body, const Stmt &Start,
                         const FunctionDecl &Coro, const VarDecl &Dying,
                         const NameMatcher &Waits);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCALRESUMERS_H
