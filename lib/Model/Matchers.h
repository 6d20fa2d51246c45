//===--- Matchers.h - async-lint --------------------------------*- C++ -*-===//
//
// AST matchers over the coroutine model, shared by the checks.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_MATCHERS_H
#define ASYNC_LINT_MODEL_MATCHERS_H

#include "CoroutineModel.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::async::model {

/// A function or lambda definition whose body is a coroutine body.
AST_MATCHER(FunctionDecl, isCoroutineDefinition) {
  return getCoroutineBody(Node) != nullptr;
}

/// A function definition with a body (not a declaration, not defaulted).
AST_MATCHER(FunctionDecl, hasUserBody) {
  return Node.doesThisDeclarationHaveABody() && Node.getBody() != nullptr;
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_MATCHERS_H
