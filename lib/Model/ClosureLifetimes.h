//===--- ClosureLifetimes.h - async-lint ------------------------*- C++ -*-===//
//
// Does a coroutine lambda's task outlive its closure or what it captures?
// The rules of async-lambda-capture-lifetime, as evidence: a closure dying
// before the task it started is done (ClosureDeaths), a local captured by
// reference dying first, 'this' captured by a detached lambda with nothing
// keeping the object alive (DetachedLambdas), a closure consumed by the code
// it is handed to (ClosureConsumers), and a capture borrowed by an eager
// coroutine the lambda calls (BorrowedCaptures).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CLOSURELIFETIMES_H
#define ASYNC_LINT_MODEL_CLOSURELIFETIMES_H

#include "CallLifetimes.h"
#include "DetachedLambdas.h"
#include "TaskWaits.h"

namespace clang::tidy::async::model {

/// What the rules read: the check's options and its per-unit memos.
struct ClosureLifetimeRules {
  /// APIs that call a callback and then destroy it.
  const NameMatcher &CallbackFunctions;
  /// APIs that make a coroutine lambda an asynchronous operation's body.
  const NameMatcher &ComposeFunctions;
  /// What waits for work to finish (sync waits and joins).
  const NameMatcher &Waits;
  CaptureUses &Uses;
  DetachedLambdas &Detached;
  /// The enclosing function's own waits for the task.
  TaskWaits &OwnWaits;
  LibraryAnalyses A;
};

/// The function a coroutine lambda is created or called in.
struct EnclosingFunction {
  const FunctionDecl &Decl;
  const Stmt &Body;
};

/// The closure of the coroutine lambda \p Op, called by \p Call in
/// \p Encl, dying before its task is done with the captures.
std::optional<LifetimeEvidence> closureLifetime(const CallExpr &Call,
                                                const CXXMethodDecl &Op,
                                                const EnclosingFunction &Encl,
                                                const ClosureLifetimeRules &R);

/// The locals captured by reference, and an unowned 'this', of the
/// coroutine lambda \p Op whose task (created at \p Origin in \p Encl, from
/// the lambda's start with \p FromStart) has fate \p F. With
/// \p StartsInline, the spawn runs the lambda up to its first suspension
/// before it returns (model::startsInline): only the captured locals' uses
/// after that suspension count.
LifetimeFindings captureLifetimes(const CXXMethodDecl &Op, const Expr &Origin,
                                  const TaskFate &F, bool FromStart,
                                  const EnclosingFunction &Encl,
                                  const ClosureLifetimeRules &R,
                                  bool StartsInline = false);

/// Capturing coroutine lambdas \p Call hands to code that calls and then
/// destroys them (or makes them an operation's implementation), and
/// captures of a plain lambda so handed over that an eager coroutine it
/// calls borrows. \p Own: the statements of the function \p Call is in,
/// whose description of the call is read when given.
LifetimeFindings callbackLifetimes(const CallExpr &Call, ASTContext &Ctx,
                                   const ClosureLifetimeRules &R,
                                   const OwnStmts *Own = nullptr);

/// The calls in \p Encl of member functions that start a coroutine lambda
/// capturing 'this' detached, on an object dying while the task runs.
LifetimeFindings detachingLambdaLifetimes(const EnclosingFunction &Encl,
                                          const SourceManager &SM,
                                          const ClosureLifetimeRules &R);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CLOSURELIFETIMES_H
