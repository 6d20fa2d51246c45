//===--- ExistingTasks.h - async-lint ---------------------------*- C++ -*-===//
//
// Spawns that do not add work beyond what already exists: a loop whose every
// spawn is handed the loop's element, a task its caller made (a combinator
// starting one job per task it was given), and a spawn joined in the full
// expression that makes it (`compute().get()`), which is done before the
// loop comes back to it. Read from the loop's and the call's own syntax.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EXISTINGTASKS_H
#define ASYNC_LINT_MODEL_EXISTINGTASKS_H

#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

class OwnStmts;

/// True when \p Loop walks a parameter of tasks or awaitables (`for (auto &t
/// : tasks)`, `for (i = 0; i < tasks.size(); ++i)`) and every one of
/// \p Spawns in its own body is handed the element (`t`, `std::move(t)`,
/// `tasks[i]`): one job per task the caller made, which the caller's own
/// loop (or fan-out) is judged for.
bool spawnsGivenTasks(const Stmt &Loop, const OwnStmts &Own,
                      const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns);

/// What waits for a task to end: the library tables' \p JoinMembers and
/// the members that block on a task (DefaultAwaitableBlockingMembers: get,
/// wait, join); not a timed wait, which may return while the task runs on.
NameMatcher untimedJoins(const NameMatcher &JoinMembers);

/// True when what \p Spawn starts is waited for in the same full expression:
/// it is the object of a member named in \p Joins (`compute().get()`,
/// `std::async(f).wait()`), so it ends before the next one starts.
bool joinedInPlace(const CallExpr &Spawn, ASTContext &Ctx,
                   const NameMatcher &Joins);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXISTINGTASKS_H
