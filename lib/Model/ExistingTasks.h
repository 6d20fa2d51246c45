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

/// What waits for a task to end, by resolved declaration: the library
/// tables' \p JoinMembers, the functions that wait for every task they are
/// given (\p WaitAll: yaclib's Wait), and the blocking catalogue's waits
/// for a result and on another thread (std::future::get, std::atomic::wait);
/// not a timed wait, which may return while the task runs on.
NameMatcher untimedJoins(const NameMatcher &JoinMembers,
                         const NameMatcher &WaitAll);

/// True when what \p Spawn starts is waited for in the same full expression:
/// it is the object of a member named in \p Joins (`compute().get()`,
/// `std::async(f).wait()`), or of a member whose visible body waits on the
/// task's own state with one of them (`ready.wait(false)` on a member of the
/// task, yaclib's `Wait(*this)`, also through other members of the task),
/// so it ends before the next one starts.
bool joinedInPlace(const CallExpr &Spawn, ASTContext &Ctx,
                   const NameMatcher &Joins);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EXISTINGTASKS_H
