//===--- RedirectedCompletions.h - async-lint -------------------*- C++ -*-===//
//
// Where the sides of a race write how they completed. A side given a
// redirecting completion token (asio's redirect_error(token, ec)) writes its
// error code into 'ec'; a side that is a coroutine may set a variable it
// shares (a 'bool &' parameter, a capture by reference) before it completes.
// A race that cancels its loser and waits for it (asio's awaitable
// operator||) leaves operation_aborted in the loser's code. Code that tests
// those variables after the race reads its outcome, as a test of the
// variant's index() would.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_REDIRECTEDCOMPLETIONS_H
#define ASYNC_LINT_MODEL_REDIRECTEDCOMPLETIONS_H

#include "NameMatcher.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class CFG;
} // namespace clang

namespace clang::tidy::async::model {

/// The variables \p E itself hands over to be written with a completion:
/// - a variable passed by non-const reference to the call or construction
///   that makes a completion token whose class \p Tokens lists (asio's
///   redirect_error_t, made by redirect_error(token, ec) or by a wrapper
///   that returns one);
/// - a variable passed by non-const reference to a coroutine whose body
///   assigns the parameter;
/// - a variable captured by reference by a coroutine lambda called here
///   (written or through a local initialised with the lambda) whose body
///   assigns it.
llvm::SmallVector<const VarDecl *, 2>
handedForCompletion(const Expr &E, const NameMatcher &Tokens);

/// The variables the sides of \p Race (a race as written: the operand of
/// its co_await) write their completions into: those each of its parts
/// hands over (handedForCompletion).
llvm::SmallVector<const VarDecl *, 4>
completionVariables(const Expr &Race, const NameMatcher &Tokens);

/// True when code of \p Body (a function's body whose CFG is \p Graph)
/// tests, after \p Race (one of its statements) on some path, a variable
/// that \p Sides (a race as written) writes its completions into
/// (completionVariables), before the variable is written again (assigned,
/// changed by a non-const member, or handed over again for a completion):
/// under a comparison, a '!', a conversion to bool or a condition, or in a
/// statement of a block that \p IsAssertion takes as an assertion.
bool completionTestedAfter(const CFG &Graph, const Stmt &Body, const Stmt &Race,
                           const Expr &Sides, const NameMatcher &Tokens,
                           llvm::function_ref<bool(const Stmt &)> IsAssertion);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_REDIRECTEDCOMPLETIONS_H
