//===--- LostTaskLocals.h - async-lint --------------------------*- C++ -*-===//
//
// Where a task kept in a local is lost: the local goes out of scope, or is
// overwritten, on a path where its value was never used (awaited, started,
// handed on). async-discarded-awaitable's question about locals, answered
// from the path facts, without building them where structure alone settles
// it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOSTTASKLOCALS_H
#define ASYNC_LINT_MODEL_LOSTTASKLOCALS_H

#include "Awaitables.h"
#include "CoroutineModel.h"
#include "PathFacts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang::tidy::async::model {

/// The losses of the task locals \p Vars of \p Body (Facts' unusedValueLosses),
/// leaving out a local that is never overwritten and that every path uses
/// by structure (usedOnEveryPath): the flow graph does not know that a loop
/// whose first test is true runs its body. \p Facts is asked only when some
/// local is assigned after its declaration; a local never assigned is never
/// overwritten, and structure alone settles it (created, then awaited).
/// \p Results are the locals of \p Vars that hold a result (an eager task,
/// an awaitable no coroutine returns: isResultHandle): one is lost where it
/// is overwritten unused, where its scope ends unused as the code runs on (a
/// loop body's end, a branch that falls through), or when no statement uses
/// it at all. A path that leaves before using it (a return, break, continue
/// or goto) wants no result there; the work ran anyway.
std::vector<UnusedValueLoss>
lostTaskLocals(llvm::ArrayRef<const VarDecl *> Vars,
               const llvm::DenseSet<const VarDecl *> &Results, const Stmt &Body,
               ASTContext &Ctx, const OwnStmts &Own,
               const NameMatcher &AlwaysTrue,
               llvm::function_ref<const PathFacts &()> Facts);

/// What dropping a local task of \p L loses, as the end of a warning
/// ("; it is destroyed without running"): where some path uses it (\p Read),
/// said of where it is dropped; empty when the laziness is not known.
const char *unawaitedLoss(Laziness L, bool Read);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOSTTASKLOCALS_H
