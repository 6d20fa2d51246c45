//===--- ArgumentDeaths.h - async-lint --------------------------*- C++ -*-===//
//
// Whether what a coroutine call hands its coroutine (an argument for a
// reference, pointer or view parameter, or the object of a member
// coroutine) dies while the task may still use it. Evidence: the
// coroutine's late use of the parameter (LateParameterUses), the caller's
// task flow (where the task goes, where the referent dies), and a wait of
// the caller for a signal of the task (WaitedOut.h).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ARGUMENTDEATHS_H
#define ASYNC_LINT_MODEL_ARGUMENTDEATHS_H

#include "CoroutineCalls.h"
#include "LateParameterUses.h"
#include <optional>

namespace clang::tidy::async::model {

/// What a call hands its coroutine that dies before the task is done.
struct ArgumentDeath {
  Referent R;
  /// The coroutine's first use of the parameter that may come too late.
  const Stmt *Use = nullptr;
  TaskFate Fate;
  SourceLocation Dies;
};

/// Whether the caller waits out the task (of the fate given) before the
/// local given dies (TaskWaits.h).
using WaitsOutCall =
    llvm::function_ref<bool(const TaskFate &, const VarDecl &)>;

/// The argument \p Arg for the referring parameter \p Index of the
/// coroutine of \p C (defined here) refers to a temporary or a local that
/// dies while the task may still use it, and the caller does not wait for
/// a signal of the task first (nor, by \p Waited, for the task otherwise);
/// std::nullopt otherwise. \p Unknown, when given, tells the fate of a task
/// the caller's flow cannot follow (handed to code it does not model;
/// none: no conclusion).
std::optional<ArgumentDeath>
argumentDeath(const CoroutineCall &C, unsigned Index, const Expr &Arg,
              LateParameterUses &Late, const LibraryAnalyses &A,
              llvm::function_ref<std::optional<TaskFate>()> Unknown = nullptr,
              WaitsOutCall Waited = nullptr);

/// The object of the member coroutine of \p C, which refers to \p R (a
/// temporary or a local), dies while the task may still use it;
/// std::nullopt otherwise.
std::optional<ArgumentDeath> objectDeath(const CoroutineCall &C,
                                         const Referent &R,
                                         LateParameterUses &Late,
                                         const LibraryAnalyses &A);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ARGUMENTDEATHS_H
