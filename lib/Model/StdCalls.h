//===--- StdCalls.h - async-lint --------------------------------*- C++ -*-===//
//
// Whether a call calls a given function of the standard library.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STDCALLS_H
#define ASYNC_LINT_MODEL_STDCALLS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include <initializer_list>

namespace clang::tidy::async::model {

/// True when \p Call calls a function of namespace std named one of
/// \p Names.
inline bool isStdFunction(const CallExpr &Call,
                          std::initializer_list<StringRef> Names) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || !Callee->isInStdNamespace() || !Callee->getIdentifier())
    return false;
  return llvm::is_contained(Names, Callee->getName());
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STDCALLS_H
