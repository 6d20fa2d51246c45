//===--- UsesAfterThreadMove.h - async-lint ---------------------*- C++ -*-===//
//
// Where what a statement took is used after the coroutine may have moved to
// another thread: the first use, on a path from the statement that nothing
// retakes, after a suspension point that the caller's evidence says may
// resume the coroutine elsewhere. A forward may-analysis on the function's
// CFG (SuspensionFlow's heldAtSuspensions).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_USESAFTERTHREADMOVE_H
#define ASYNC_LINT_MODEL_USESAFTERTHREADMOVE_H

#include "SuspensionFlow.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// The first use (\p IsUse, first in source order) on a path from \p From
/// that \p Ends does not stop, after a suspension point of \p Flow that is
/// crossed while what \p From took is held and that \p Moves accepts; with
/// that suspension. Empty when there is none.
LateUse
firstUseAfterMove(const SuspensionFlow &Flow, const Stmt &From,
                  llvm::function_ref<bool(const Stmt &)> IsUse,
                  llvm::function_ref<bool(const Stmt &)> Ends,
                  llvm::function_ref<bool(const CoroutineSuspendExpr &)> Moves,
                  const SourceManager &SM);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_USESAFTERTHREADMOVE_H
