//===--- EscapingThrows.h - async-lint --------------------------*- C++ -*-===//
//
// Where an exception can leave a body of code: a throw, an await of an
// operation that throws, a call that throws, outside a handler that catches
// it; and which parameter of a wrapper coroutine makes the task it awaits.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_ESCAPINGTHROWS_H
#define ASYNC_LINT_MODEL_ESCAPINGTHROWS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;

/// The functions that override each virtual function of a translation unit
/// (also through intermediate classes), found on first use.
class OverrideIndex {
public:
  void reset() {
    For = nullptr;
    Map.clear();
  }
  /// Every function in the translation unit that overrides \p Method.
  llvm::ArrayRef<const CXXMethodDecl *> overriders(const CXXMethodDecl &Method,
                                                   ASTContext &Ctx);

private:
  const ASTContext *For = nullptr;
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>>
      Map;
};

/// What counts as a point from which an exception can leave a body.
struct ThrowPolicy {
  /// Awaits of these types never throw (asio's this_coro::executor).
  const NameMatcher *NonSuspending = nullptr;
  /// Completion tokens whose operations report failure by throwing
  /// (asio's use_awaitable_t); an awaited operation given another token
  /// (as_tuple, redirect_error) does not throw.
  const NameMatcher *ThrowingTokens = nullptr;
  /// Functions known to throw on failure (asio's acceptor constructor).
  const NameMatcher *ThrowingFunctions = nullptr;
  /// Count every call not declared noexcept, not only the known ones and
  /// those whose visible body throws.
  bool AnyCall = false;
  /// Count an await of a task handed in as a parameter (a wrapper that runs
  /// whatever task its caller gives it): that task may throw anything.
  bool AwaitedParameters = false;
  /// Combinators that fail only when every task they combine fails (asio's
  /// a || b waits for the first success).
  const NameMatcher *FirstSuccessCombinators = nullptr;
  /// Asynchronous operations whose only failure is cancellation (asio's
  /// timer waits complete with operation_aborted only when the timer is
  /// cancelled): awaited on a local object that nothing else can reach,
  /// they cannot fail where the task is not cancelled from outside.
  const NameMatcher *CancelOnlyOperations = nullptr;
  /// Where the overriders of a virtual function are found: a virtual call
  /// whose object's dynamic type is not visible throws only when every body
  /// that may run throws. Null: judged by the called declaration alone.
  OverrideIndex *Overrides = nullptr; /// Value-or-error objects: the members
                                      /// that test for a value (true
  /// proves it there), those that test for an error (false proves it), and
  /// the value accessors, which throw only without a value. A conversion to
  /// bool of such an object is a test for a value.
  const NameMatcher *ValueTests = nullptr;
  const NameMatcher *ErrorTests = nullptr;
  const NameMatcher *ValueAccessors = nullptr;
  /// Exception classes that report a violated precondition (std::logic_error:
  /// faulty program logic, not a run-time failure): in a called function, a
  /// throw of one of them (the class itself, through aliases) is a check
  /// like an assert, not a failure its callers have to expect.
  const NameMatcher *PreconditionExceptions = nullptr;
};

/// The parameter of task type that \p Await awaits (co_await t,
/// co_await std::move(t)); null otherwise.
const ParmVarDecl *awaitedTaskParameter(const CoroutineSuspendExpr &Await);

/// The parameter of \p Await's coroutine whose call makes the task it
/// awaits (co_await fn(args), co_await std::invoke(fn, args), through
/// std::forward): a wrapper running whatever task its caller's function
/// makes; null otherwise.
const ParmVarDecl *awaitedTaskMaker(const CoroutineSuspendExpr &Await);

/// The coroutine \p Await awaits the task of, when this unit only declares
/// it (`co_await parse(raw)`, parse defined in another unit); null
/// otherwise.
const FunctionDecl *declaredCoroutineOf(const CoroutineSuspendExpr &Await);

/// The awaits of \p Body (a coroutine's user body) of the task of a
/// coroutine this unit only declares (declaredCoroutineOf), outside any
/// try block: what that coroutine throws escapes \p Body there. None when
/// something escapes \p Body anyway (firstEscapingThrow).
std::vector<const CoroutineSuspendExpr *>
escapingDeclaredAwaits(const Stmt *Body, const ThrowPolicy &Policy,
                       ASTContext &Ctx);

/// The point of \p Body (a function's user body) from which an exception
/// can escape it, outside the try block of a handler that catches
/// everything (catch (...) or catch of std::exception): a throw expression
/// first, else an await of an operation that throws, else a call that
/// throws (see ThrowPolicy), each the first in source order. Nested lambdas
/// and local classes are not part of the body. Null when nothing escapes.
const Stmt *firstEscapingThrow(const Stmt *Body, const ThrowPolicy &Policy,
                               ASTContext &Ctx);
} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_ESCAPINGTHROWS_H
