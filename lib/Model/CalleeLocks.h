//===--- CalleeLocks.h - async-lint -----------------------------*- C++ -*-===//
//
// The asynchronous mutexes a coroutine waits for inside a callee it awaits:
// `co_await update()` while holding mutex A, where update() is a coroutine
// whose body the unit shows and which locks mutex B, waits for B while
// holding A just as a lock of B in the caller's own body would. One level
// of callee is followed (a lock in the callee's callees is not seen), and
// only mutexes the caller can name: the callee's reference or pointer
// parameter (the caller's argument), a member of the callee's own object
// (locked on `this`) when the callee is called on the caller's own, or a
// global.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CALLEELOCKS_H
#define ASYNC_LINT_MODEL_CALLEELOCKS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// The mutexes the coroutine awaited at \p Point (a call of a coroutine
/// defined in the unit, other than \p Caller) locks in its own body, as
/// \p Caller names them; empty when \p Point awaits no such call.
llvm::SmallVector<const ValueDecl *, 2>
calleeLocks(const CoroutineSuspendExpr &Point, const FunctionDecl &Caller,
            const NameMatcher &AsyncMutexes,
            const NameMatcher *LockFunctions = nullptr);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CALLEELOCKS_H
