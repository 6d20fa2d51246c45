//===--- LoopProgress.h - async-lint ----------------------------*- C++ -*-===//
//
// What bounds a loop: whether the loop itself changes what its exits test (a
// counter, a range, a queue it drains), or only another thread or task can
// (a spin on a flag), or nothing can (for (;;) without an exit). Read from
// the loop's statements alone; calls it cannot see into make it unknown.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LOOPPROGRESS_H
#define ASYNC_LINT_MODEL_LOOPPROGRESS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::async::model {

enum class LoopBound {
  /// Nothing the loop does changes what its exits test (its condition and
  /// the conditions of its breaks, returns and throws): it ends only when
  /// another thread or task changes that state, or never.
  Spin,
  /// It has no exit at all: for (;;) or while (true) without a break,
  /// return, co_return, throw or goto out of it.
  Endless,
  /// It ends when the data it walks ends: a range-for, or an exit that
  /// tests what the loop changes (assigns, increments, calls a non-const
  /// member function on, passes by non-const reference).
  Runtime,
  /// It counts to a compile-time constant or walks a range of a fixed size
  /// (a C array, std::array, a braced list).
  CompileTime,
  /// Not a loop to judge: every iteration leaves it, its condition is
  /// constant false, or a call it makes (not a const member function, not a
  /// standard library function) may change what its exits test.
  Unknown,
};

struct LoopProgress {
  LoopBound Bound = LoopBound::Unknown;
  /// For a spin, the condition it waits on: the loop's condition, or the
  /// condition of its first exit for a loop without one.
  const Expr *WaitsOn = nullptr;
};

/// True when \p Call may change state that the calling loop does not show:
/// a call through a pointer or a function object, a user function that is
/// not a const member or constexpr, a standard function given a callable.
bool mayChangeUnseenState(const CallExpr &Call);

/// What bounds \p Loop, a for, range-for, while or do statement (Unknown for
/// anything else). Nested lambdas and local classes are not part of it.
LoopProgress loopProgress(const Stmt &Loop, const ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LOOPPROGRESS_H
