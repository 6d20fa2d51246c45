//===--- TaskFateLattice.h - async-lint -------------------------*- C++ -*-===//
//
// Task fates on the CFG: for every task value a function keeps in a local
// (stored by an initialisation, an assignment or a push_back, or held by a
// parameter on entry), which mentions of the local may see that value, and
// whether it may die unconsumed. TaskFlow asks it instead of ordering the
// mentions by source position, which is wrong in loops and across jumps.
//
// The lattice, per local: the values it may hold (Held) and, of those, the
// ones no consuming mention has reached on some path (Pending). Both are
// sets joined by union, so the analysis is a may-analysis: "may be dropped"
// is a value in Pending where the local dies or is overwritten; "awaited
// (or otherwise consumed) before it dies on every path" is the complement,
// a must-question answered by the same run. Bottom is a block no path
// reaches. A transfer per event: a store replaces what the local holds (an
// assignment, an initialisation) or adds to it (push_back into a container,
// a member of a local object); a consuming mention (awaited, returned,
// spawned, stored elsewhere, handed to unknown code) is seen by every held
// value and empties Pending; a death (end of the local's lifetime, or the
// exit for a parameter) drops what is pending.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TASKFATELATTICE_H
#define ASYNC_LINT_MODEL_TASKFATELATTICE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// One value followed: the store expression that puts it into a local, or
/// the parameter that holds it on entry.
using TaskValue = const void *;

/// What may be true of one local's task values at a point.
struct LocalFates {
  /// Sorted sets.
  llvm::SmallVector<TaskValue, 2> Held;
  llvm::SmallVector<TaskValue, 2> Pending;
  bool operator==(const LocalFates &Other) const {
    return Held == Other.Held && Pending == Other.Pending;
  }
};

/// The state at a point: the locals that may hold a task value there.
struct TaskFateState {
  llvm::SmallDenseMap<const VarDecl *, LocalFates, 4> Locals;

  /// Joins \p From into this state (union of both sets, per local); true
  /// when this state grew.
  bool join(const TaskFateState &From);
  bool operator==(const TaskFateState &Other) const;
};

/// One event of a CFG element for the analysis.
struct TaskEvent {
  enum class Kind : uint8_t {
    /// \c Value replaces what \c Var holds (once per run of the store).
    Store,
    /// \c Value is added to what \c Var holds.
    Add,
    /// \c Mention, a consuming use of \c Var's value.
    Mention,
    /// \c Var's lifetime ends.
    Death,
  };
  Kind What;
  const VarDecl *Var;
  TaskValue Value = nullptr;
  const Expr *Mention = nullptr;
  /// For Store: where what is replaced is dropped.
  SourceLocation Where;
};

/// What became of one value over every path of the function.
struct ValueOutcome {
  /// The consuming mentions that may see it, in the order first reached.
  llvm::SmallVector<const Expr *, 2> Mentions;
  /// It may die (or be overwritten) unconsumed, first at DroppedAt.
  bool MayDrop = false;
  SourceLocation DroppedAt;
};

using ValueOutcomes = llvm::DenseMap<TaskValue, ValueOutcome>;

/// Applies \p E to \p S. With \p Seen, records what the event does to the
/// values it meets (during the final replay; the solver passes none).
void transfer(const TaskEvent &E, TaskFateState &S, ValueOutcomes *Seen);

/// The events of each block of a function's CFG, by block id, in the
/// order they happen.
using BlockEvents = std::vector<llvm::SmallVector<TaskEvent, 4>>;

/// Runs the analysis on \p Graph, whose events are \p Events, from
/// \p Entry (the parameters' values), and returns what became of each
/// value. A value still pending where the exit is reached is dropped at
/// \p ExitDrop(Var).
ValueOutcomes
solveTaskFates(const CFG &Graph, const BlockEvents &Events,
               const TaskFateState &Entry,
               llvm::function_ref<SourceLocation(const VarDecl *)> ExitDrop);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TASKFATELATTICE_H
