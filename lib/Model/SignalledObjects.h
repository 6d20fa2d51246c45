//===--- SignalledObjects.h - async-lint ------------------------*- C++ -*-===//
//
// The object a wait or a signal of WaitedOut.h is on (a member call's
// object, an awaited object, a kept awaiter, a holder that signals when it
// dies), and the flag that lets a function skip its wait. A task may signal a
// member of an object it is handed (`st.loop.quit()` on its parameter `st`)
// that the function which handed it then waits on (`st.loop.exec()` on its
// local `st`): the two name the same object when they reach it by the same
// members from the same variable. A function may skip the wait on a flag the
// task sets when it is done (`if (!st.finished) st.loop.exec();`): when the
// task sets it only after its last use of what it borrows, right before its
// signal, a function that finds it set has nothing left to wait for.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_SIGNALLEDOBJECTS_H
#define ASYNC_LINT_MODEL_SIGNALLEDOBJECTS_H

#include "NameMatcher.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::async::model {

/// \p E, or what the promise's await_transform (asio's, tmc's) is given
/// when \p E is its call: the awaited call or object.
const Expr *awaitTransformArg(const Expr *E);

/// The call of a member \p S is, looking through the implicit nodes around
/// a statement expression; for `co_await x`, the call of x's operator
/// co_await (a libcoro latch's), or the call await_transform is given.
const CallExpr *memberCallOf(const Stmt *S);

/// \p E, or the pointer it dereferences (`*p`, `p->`, through a smart
/// pointer's operator* or operator->): a copy of a pointer designates the
/// same object as the pointer it copies.
const Expr *derefTarget(const Expr *E);

/// The object a member function is called on by \p Call (a member call,
/// or a member operator's first operand), or the pointer it is reached by.
const Expr *syncObjectOf(const CallExpr &Call);

/// The members, outermost first, by which \p E reaches the variable
/// \p Root: none for `st` itself, {loop} for `st.loop`, {a, b} for
/// `st.a.b`; nothing when \p E is neither \p Root nor such a member of it.
using MemberPath = llvm::SmallVector<const ValueDecl *, 2>;
std::optional<MemberPath> memberPath(const Expr *E, const ValueDecl *Root);

/// The members by which the object of \p Call is reached from \p Root
/// (empty when it is \p Root itself, or not reached from it).
MemberPath objectPath(const CallExpr &Call, const ValueDecl *Root);

/// For `if (!flag) { ... }` (\p S, with no else, no init, no condition
/// variable): the flag it tests and the branch it skips when the flag is
/// set; nulls otherwise.
std::pair<const Expr *, const Stmt *> skippedWhenSet(const Stmt *S);

/// True when the coroutine body \p Statements sets the flag that \p Flag
/// names below \p Sync (`Sync.done = true`) in a statement of its own
/// before \p Signal, after which it uses nothing (\p IsUse) but in the
/// signal itself: a function that finds the flag set may skip the wait for
/// the signal, the task being done with what it borrows.
bool setsDoneFlagLast(const CompoundStmt &Statements, const ValueDecl *Sync,
                      const MemberPath &Flag, const CallExpr &Signal,
                      llvm::function_ref<bool(const Stmt &)> IsUse,
                      const SourceManager &SM);

/// For `co_await c` (\p S) where the local c was made by a member call
/// (`auto c = g.close();`), that call: awaiting c waits on g.
const CallExpr *keptAwaiterMadeBy(const Stmt *S);

/// For `co_await x` (\p S) whose promise's await_transform is given the
/// object x itself (tmc's, which makes x's awaiter): that call, when x
/// names \p Object and its class has an operator co_await in \p Names.
const CallExpr *transformedAwaitOn(const Stmt *S, const ValueDecl *Object,
                                   const NameMatcher &Names);

/// The holder \p S declares, when it is a local made by a member call on
/// \p Object (`auto h = g.hold();`) whose destructor signals (leaves) it:
/// the call that makes it; null otherwise.
const CallExpr *holderMade(const Stmt *S, const ValueDecl *Object,
                           const NameMatcher &Names);

/// True for a pointer, or a class with an operator-> of its own or of a
/// base (a smart pointer).
bool pointerLike(QualType T);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_SIGNALLEDOBJECTS_H
