//===--- FirstArrival.h - async-lint ----------------------------*- C++ -*-===//
//
// What may run before control first arrives at a statement, on a function's
// CFG (the one the unit's AnalysisSession builds): a wait that nothing before
// it can satisfy never ends, whatever runs after it. Also whether one
// statement may run after another, for code that two calls start together.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FIRSTARRIVAL_H
#define ASYNC_LINT_MODEL_FIRSTARRIVAL_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// The statements that may run before control first arrives at a statement.
struct FirstArrival {
  /// Every statement on some path from the entry to the first arrival (the
  /// statement's own sub-expressions, evaluated before it, included; not a
  /// branch that leaves without reaching it).
  llvm::DenseSet<const Stmt *> Before;
  /// False when no path from the entry reaches the statement.
  bool Reached = false;
};

/// The statements of \p Graph that may run before control first arrives at
/// \p Stop: each path from the entry ends where it reaches \p Stop, so what
/// can only run after \p Stop (later in the body, or again in a loop) is
/// not among them.
FirstArrival firstArrival(const CFG &Graph, const Stmt &Stop);

/// True when every path of \p Graph from the entry to the exit arrives at
/// \p Stop (and some path reaches it): nothing can leave the function
/// without passing it first.
bool alwaysArrives(const CFG &Graph, const Stmt &Stop);

/// True when every path of \p Graph from the entry to \p To passes
/// \p Through first (vacuously true when no path reaches \p To).
bool passesFirst(const CFG &Graph, const Stmt &Through, const Stmt &To);

/// True when \p To may run after \p From on some path of \p Graph.
bool mayRunAfter(const CFG &Graph, const Stmt &From, const Stmt &To);

/// True when \p S, a statement of a block, is in \p Graph and nothing of
/// the function runs after it on any path: what follows it to the exit is
/// only the ends of locals (their destructors, the ends of their lifetimes)
/// and a 'return' or 'co_return' without a value.
bool nothingRunsAfter(const CFG &Graph, const Stmt &S);

/// Walks \p Graph forward from after \p S, a statement of a block (from
/// after its last part in each block that holds one): calls \p StopPath
/// with each statement met that is not a part of \p S, and ends a path
/// where it returns true.
void walkAfter(const CFG &Graph, const Stmt &S,
               llvm::function_ref<bool(const Stmt &)> StopPath);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FIRSTARRIVAL_H
