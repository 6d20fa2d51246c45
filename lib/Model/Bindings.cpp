//===--- Bindings.cpp - async-lint ----------------------------------------===//

#include "Bindings.h"
#include "Expressions.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The member a binding's expression names, and the variable it is taken
/// from: `whole.member`.
BoundMember memberOfBinding(const BindingDecl &Binding) {
  const auto *Whole = dyn_cast_or_null<VarDecl>(Binding.getDecomposedDecl());
  const auto *Member = dyn_cast_or_null<MemberExpr>(
      strip(Binding.getBinding(), Wrappers::Syntax));
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (!Whole || !Field)
    return {};
  return {Whole, Field};
}

} // namespace

BoundMember boundMember(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Syntax));
  const auto *Binding = Ref ? dyn_cast<BindingDecl>(Ref->getDecl()) : nullptr;
  return Binding ? memberOfBinding(*Binding) : BoundMember{};
}

const BindingDecl *bindingOf(const VarDecl &Whole, llvm::StringRef Name) {
  const auto *Decomposition = dyn_cast<DecompositionDecl>(&Whole);
  if (!Decomposition)
    return nullptr;
  for (const BindingDecl *Binding : Decomposition->bindings()) {
    BoundMember Bound = memberOfBinding(*Binding);
    if (Bound.Member && Bound.Member->getIdentifier() &&
        Bound.Member->getName() == Name)
      return Binding;
  }
  return nullptr;
}

} // namespace clang::tidy::async::model
