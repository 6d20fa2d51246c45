//===--- ForwardingHelpers.h - async-lint -----------------------*- C++ -*-===//
//
// A forwarding helper: a function whose visible body does nothing with a
// parameter but pass it on, itself or through std::forward or std::move,
// to one other call (`spawn_later(g, f)` calling `run_guarded(g,
// std::forward<F>(f))`). What the inner call does with the argument is what
// the helper does with it: a consumer of a function object found a few
// helpers down consumes the caller's closure.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FORWARDINGHELPERS_H
#define ASYNC_LINT_MODEL_FORWARDINGHELPERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

class NameMatcher;

/// How many forwarding helpers deep a consumer is looked for.
constexpr unsigned MaxForwardingDepth = 3;

/// The call a forwarding helper hands its parameter on to, and the index of
/// the argument it becomes.
struct ForwardedTo {
  const CallExpr *Call = nullptr;
  unsigned Arg = 0;
};

/// The one call in the visible body of \p Helper (not a coroutine) that
/// receives \p Param, itself or through std::forward or std::move, when
/// that is the body's only mention of \p Param and the body calls none of
/// \p Waits (a sync-wait or join after the hand-off may outlast what the
/// inner call starts); empty otherwise.
ForwardedTo forwardedTo(const FunctionDecl &Helper, const ParmVarDecl &Param,
                        const NameMatcher &Waits);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FORWARDINGHELPERS_H
