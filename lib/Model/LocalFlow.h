//===--- LocalFlow.h - async-lint -------------------------------*- C++ -*-===//
//
// Walks over a function's CFG (the one SuspensionFlow builds and the checks
// share): what may run after a suspension, and cycles that never suspend.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOCALFLOW_H
#define ASYNC_LINT_MODEL_LOCALFLOW_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <vector>

namespace clang {
class CFG;
class SourceManager;
} // namespace clang

namespace clang::tidy::async::model {

class NameMatcher;

/// A use that may run after a suspension point.
struct LateUse {
  const Stmt *Use = nullptr;
  const CoroutineSuspendExpr *Suspension = nullptr;
};

/// The first statement, in source order, that satisfies \p IsUse and may
/// run after control has gone from \p From (a statement of the body whose
/// CFG \p Graph is: every expression its own element; other elements, such
/// as destructors, are passed over) through a suspension point that can
/// suspend, with that suspension point; empty when there is none. A path
/// stops at a statement satisfying \p Ends, when given (what \p From took
/// is given a new value there). The checks ask it through
/// SuspensionFlow::firstUseAcross, on the CFG they share.
LateUse
firstUseAcrossSuspension(const CFG &Graph, const Stmt *From,
                         llvm::function_ref<bool(const Stmt &)> IsUse,
                         const NameMatcher *NonSuspending,
                         const SourceManager &SM,
                         llvm::function_ref<bool(const Stmt &)> Ends = {});

/// Like firstUseAcrossSuspension, from the entry of \p Graph: the first
/// statement satisfying \p IsUse that may run after the function has
/// suspended. The checks ask it through
/// SuspensionFlow::firstUseAfterSuspension.
LateUse firstUseAfterEntry(const CFG &Graph,
                           llvm::function_ref<bool(const Stmt &)> IsUse,
                           const NameMatcher *NonSuspending,
                           const SourceManager &SM);

/// True when control can go from \p From (a statement of the body whose
/// CFG \p Graph is) back to \p From without passing a suspension point that
/// can suspend: a cycle that does not suspend. In a function that is not a
/// coroutine, any cycle. The checks ask it through
/// SuspensionFlow::repeatsWithoutSuspending.
bool repeatsWithoutSuspending(const CFG &Graph, const Stmt *From,
                              const NameMatcher *NonSuspending);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCALFLOW_H
