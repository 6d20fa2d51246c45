//===--- LocalFlow.h - async-lint -------------------------------*- C++ -*-===//
//
// Flow-sensitive questions about local variables, answered on Clang's CFG.
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

/// The first statement, in source order, of the body of the coroutine
/// \p Coro that satisfies \p IsUse and may run after the coroutine has
/// suspended at one of its suspension points that can suspend (see
/// canSuspend); with \p FromStart, any such statement, for a coroutine that
/// suspends before its body runs. Null when there is none. Nested lambdas
/// and local classes are not part of the body.
const Stmt *
firstUseAfterSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                        llvm::function_ref<bool(const Stmt &)> IsUse,
                        bool FromStart, const NameMatcher *NonSuspending);

/// Every statement of the coroutine \p Coro's body that may run after it
/// has suspended at one of its suspension points that can suspend (see
/// canSuspend). Nested lambdas and local classes are not part of the body.
llvm::DenseSet<const Stmt *>
statementsAfterSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                          const NameMatcher *NonSuspending);

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

/// True when control can go from \p From (a statement of \p Function's
/// body) back to \p From without passing a suspension point that can
/// suspend: a cycle that does not suspend. In a function that is not a
/// coroutine, any cycle.
bool repeatsWithoutSuspending(const FunctionDecl &Function, ASTContext &Ctx,
                              const Stmt *From,
                              const NameMatcher *NonSuspending);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOCALFLOW_H
