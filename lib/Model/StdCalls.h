//===--- StdCalls.h - async-lint --------------------------------*- C++ -*-===//
//
// Whether a call calls a given function of the standard library, and
// which standard members and objects keep what they are given.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_STDCALLS_H
#define ASYNC_LINT_MODEL_STDCALLS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
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

/// Member functions that put their argument into the container they are
/// called on.
inline bool isStoringMember(const FunctionDecl &FD) {
  const IdentifierInfo *II = FD.getIdentifier();
  if (!II)
    return false;
  return llvm::StringSwitch<bool>(II->getName())
      .Cases({"push_back", "emplace_back", "push_front", "emplace_front"}, true)
      .Cases({"insert", "emplace", "push", "assign", "try_emplace",
              "insert_or_assign", "emplace_hint"},
             true)
      .Default(false);
}

/// True when \p Var is std::ignore: an object whose assignment operator
/// accepts any value and keeps nothing, so assigning to it throws the value
/// away, as a discarded expression does.
inline bool isStdIgnore(const VarDecl &Var) {
  return Var.isInStdNamespace() && Var.getIdentifier() &&
         Var.getName() == "ignore";
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_STDCALLS_H
