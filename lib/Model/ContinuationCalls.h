//===--- ContinuationCalls.h - async-lint -----------------------*- C++ -*-===//
//
// Calls that attach a continuation to a task: `src.then(callback)`. The task
// such a call returns has one job, to await the source and hand its result
// to the callable it was given; the callable observes the result, so
// dropping that task registers the callback rather than losing the work.
// What it may still lose is an exception of the source when no error
// callable is given. Found by structure (the callee's visible coroutine body
// awaits and then calls the callable parameter) or by a listed member
// (ContinuationMembers, matched against resolved declarations). The fact
// behind async-discarded-awaitable's silence on dropped continuations.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_CONTINUATIONCALLS_H
#define ASYNC_LINT_MODEL_CONTINUATIONCALLS_H

#include "DroppedValues.h"
#include "PlacedNotes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class Library;
class NameMatcher;

/// ContinuationMembers' default: members documented to attach a
/// continuation whose body the unit may not show.
constexpr llvm::StringLiteral DefaultContinuationMembers =
    "QCoro::Task::then;folly::Future::thenValue;folly::Future::thenTry;"
    "boost::future::then;boost::shared_future::then";

/// A call that attaches a continuation to the task it is called on.
struct Continuation {
  /// The task continued: the object of a member call; null otherwise.
  const Expr *Source = nullptr;
  /// More than one callable is given: the second one takes the failure.
  bool ErrorCallable = false;
};

/// \p Call as a continuation: it is given a callable argument, and its
/// callee is listed in \p Listed or is a coroutine whose visible body
/// awaits and then calls the parameter that takes the callable; or \p Call
/// is of a function whose body only returns such a call (two deep).
std::optional<Continuation> continuationCall(const Expr &Call,
                                             const NameMatcher &Listed,
                                             ASTContext &Ctx,
                                             unsigned Depth = 0);

/// The coroutine whose body makes the task \p Source: the callee of a call
/// (directly or through a local variable it initialises) that is a
/// coroutine with a body in the unit; null otherwise.
const FunctionDecl *sourceCoroutine(const Expr *Source);

/// What dropping \p Call, judged \p V, loses when it attaches a
/// continuation; std::nullopt when it does not (or is lazy: its callable
/// never runs). Lost: the finding, where the source's exception is rethrown
/// into the dropped task (no error callable is given and the source's
/// visible body can throw, judged as async-unobserved-exception judges a
/// body, with \p Lib's lists); none when the callable observes it all.
struct ContinuationDrop {
  std::optional<Finding> Lost;
};
std::optional<ContinuationDrop> droppedContinuation(const Expr &Call,
                                                    const DropVerdict &V,
                                                    const NameMatcher &Listed,
                                                    const Library &Lib,
                                                    ASTContext &Ctx);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_CONTINUATIONCALLS_H
