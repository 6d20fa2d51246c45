//===--- CoroutineModel.h - async-lint --------------------------*- C++ -*-===//
//
// The shared coroutine model: every check asks these questions here instead of
// re-deriving them. A function is a coroutine when its body is a
// CoroutineBodyStmt; code belongs to a function only when it runs as part of
// that function (nested lambdas, blocks and local classes run when they are
// called, unevaluated operands never run).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_COROUTINEMODEL_H
#define ASYNC_LINT_MODEL_COROUTINEMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace clang::tidy::async::model {

/// The coroutine body of \p FD when this declaration is a coroutine
/// definition, null otherwise.
const CoroutineBodyStmt *getCoroutineBody(const FunctionDecl &FD);

/// True when \p FD (or its definition) is a coroutine.
bool isCoroutine(const FunctionDecl &FD);

/// The user-written statements of a function definition: for a coroutine the
/// body inside its CoroutineBodyStmt (not the implicit promise, suspends and
/// return object), otherwise the function body. Null without a body.
const Stmt *getUserBody(const FunctionDecl &FD);

/// True for the call operator of a lambda.
bool isLambdaCallOperator(const FunctionDecl &FD);

/// How diagnostics name a function: "coroutine 'name'", "coroutine lambda",
/// or "function 'name'" / "lambda" for non-coroutines.
std::string describeFunction(const FunctionDecl &FD);

/// Visits every statement of \p Body that runs when the enclosing function
/// runs: it does not enter nested lambda bodies, blocks, local classes or
/// functions, nor unevaluated operands (sizeof, decltype, noexcept, requires,
/// unevaluated typeid), nor implicit code. Lambda captures are visited, since
/// they are evaluated where the lambda is created.
void forEachOwnStmt(const Stmt *Body,
                    llvm::function_ref<void(const Stmt &)> Callback);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_COROUTINEMODEL_H
