//===--- DrainLoops.h - async-lint ------------------------------*- C++ -*-===//
//
// A counted loop that awaits the same object once in every iteration:
// `for (int i = 0; i < 2; i++) co_await wa;`. When that object is an
// any-ready combinator built over N tasks and the loop runs N times, every
// task has completed once the loop ends (each await yields one more of
// them); PathFacts applies that on the loop's exit edge.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_DRAINLOOPS_H
#define ASYNC_LINT_MODEL_DRAINLOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include <optional>

namespace clang::tidy::async::model {

/// What a draining loop awaits, and how many times.
struct DrainingAwait {
  const Expr *Operand;
  int64_t Count;
};

/// The object \p For awaits once in each of its iterations, when it runs a
/// constant number of times (`for (int i = A; i < B; ++i)`, or `!=`), every
/// iteration reaches the await (it is a statement of the loop's body itself,
/// not under a branch) and nothing leaves an iteration early (no break,
/// continue, return or goto in the body).
/// The number of times `for (V = From; V < To (or !=); ++V)` runs, with
/// constants From and To and a body that leaves V alone; std::nullopt for
/// any other loop.
std::optional<int64_t> tripCount(const ForStmt &For, const ASTContext &Ctx);

std::optional<DrainingAwait> drainingAwait(const ForStmt &For,
                                           const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_DRAINLOOPS_H
