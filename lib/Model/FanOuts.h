//===--- FanOuts.h - async-lint ---------------------------------*- C++ -*-===//
//
// Tasks started all at once over a range of runtime size: lazy tasks added to
// a local container, one per iteration of a loop without a bound or a limit,
// and handed to a combinator (when_all) after it; and the arguments of a
// parallel_for_each-like call (a range and a callable that returns tasks,
// given no limit), with helpers whose visible body fans out what their
// callable parameter returns.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FANOUTS_H
#define ASYNC_LINT_MODEL_FANOUTS_H

#include "TransformedTasks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace clang::tidy::async::model {

class NameMatcher;
class OwnStmts;

/// The lists a fan-out is judged by.
struct FanOutLists {
  /// Functions that limit how many tasks run at once (ConcurrencyLimits.h).
  const NameMatcher &LimiterFunctions;
  /// Classes whose objects limit it (semaphores, bounded channels).
  const NameMatcher &LimiterTypes;
  /// Functions that run the tasks of a range at once (when_all).
  const NameMatcher &Combinators;
  /// Spawns (SpawnSites.h), for a helper that spawns what its callable
  /// returns; none when null.
  const NameMatcher *SpawnFunctions = nullptr;
  const NameMatcher *SpawnLikeFunctions = nullptr;
  /// Transforms (TransformedTasks.h), for a helper that transforms its
  /// range with its callable and combines the tasks; none when null.
  const TransformLists *Transforms = nullptr;
  /// Whether a function only the main file declares is taken to be called
  /// only there (JoinedBatches.h's boundByEveryCall).
  bool UnitLocalFunctions = true;
};

/// Tasks added to a local container, one per iteration of a loop without a
/// bound, and combined all at once after it.
struct FanOut {
  const VarDecl *Container;
  const Stmt *Add;
  const Stmt *Loop;
  const CallExpr *Combine;
  /// The task added.
  const Expr *Value;
};

/// The fan-outs of \p Body: a lazy task added to a local container in a
/// loop of it that is not statically bounded and not limited, the container
/// then passed (itself, or an iterator into it) to a combinator outside that
/// loop. A container also combined inside the loop, or inside an enclosing
/// loop without a static bound (limited or not) that adds it, is processed
/// in batches, and is not one.
/// \p Own, when given, holds the own statements of the function \p Body
/// is in (AnalysisSession::ownStmts), read instead of walking.
llvm::SmallVector<FanOut, 1> fanOuts(const Stmt *Body, ASTContext &Ctx,
                                     const FanOutLists &Lists,
                                     const OwnStmts *Own = nullptr);

/// True when \p T is a (non-dependent) task or awaitable class type.
bool isTaskOrAwaitableType(QualType T);

/// Among the arguments \p Args of a call, the range it runs over (an array,
/// or a class with begin()) and the position of the callable it calls for
/// each element (one that returns a task or an awaitable, or may), when
/// there is no limit: no integer beyond the range (max_concurrent_for_each
/// (r, 16, f)) and no argument of a type of \p Limiters. Null range
/// otherwise.
std::pair<const Expr *, unsigned>
rangeAndCallable(llvm::ArrayRef<const Expr *> Args, ASTContext &Ctx,
                 const NameMatcher &Limiters);

/// Which functions fan out the tasks their callable parameter returns,
/// remembered by function and parameter for a translation unit.
class CallableFanOuts {
public:
  /// True when the definition of \p Callee, visible here, calls its
  /// parameter \p Param in a loop and fans the tasks out (fanOuts), or
  /// spawns each task it returns in a loop without a bound, a limit or any
  /// co_await (`for (auto &x : r) co_spawn(ex, fn(x), detached);`), or
  /// combines the tasks a transform with it makes (`co_await when_all(r |
  /// views::transform(fn))`).
  bool fansOut(const FunctionDecl &Callee, unsigned Param, ASTContext &Ctx,
               const FanOutLists &Lists);
  /// Forgets what was found (a new translation unit).
  void clear() { Known.clear(); }

private:
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Known;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FANOUTS_H
