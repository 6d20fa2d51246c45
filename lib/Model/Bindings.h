//===--- Bindings.h - async-lint --------------------------------*- C++ -*-===//
//
// What a structured binding names: `auto [Index, Results] = co_await
// when_any(tasks);` binds 'Index' to the member 'index' of a hidden variable
// that holds the awaited result. Checks that follow a variable (a race's
// outcome) follow its members through the bindings too.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BINDINGS_H
#define ASYNC_LINT_MODEL_BINDINGS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::async::model {

/// A structured binding of a data member: the variable decomposed and the
/// member bound.
struct BoundMember {
  const VarDecl *Whole = nullptr;
  const FieldDecl *Member = nullptr;
};

/// When \p E names a structured binding of a data member (through parentheses
/// and implicit casts): the variable decomposed and the member.
BoundMember boundMember(const Expr *E);

/// The binding of \p Whole, a decomposition, that names its data member
/// called \p Name; null when there is none.
const BindingDecl *bindingOf(const VarDecl &Whole, llvm::StringRef Name);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BINDINGS_H
