//===--- ContainerInvalidation.cpp - async-lint ---------------------------===//

#include "ContainerInvalidation.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

bool isOneOf(const CXXMethodDecl *M, std::initializer_list<StringRef> Names) {
  return M && M->getIdentifier() && llvm::is_contained(Names, M->getName());
}

/// Modifiers that may move or free elements of a contiguous container (and
/// of a class that is not a standard container).
bool modifiesContainer(const CXXMethodDecl *M) {
  return isOneOf(M, {"push_back",
                     "emplace_back",
                     "pop_back",
                     "push_front",
                     "emplace_front",
                     "pop_front",
                     "insert",
                     "emplace",
                     "erase",
                     "clear",
                     "resize",
                     "reserve",
                     "assign",
                     "swap",
                     "shrink_to_fit",
                     "try_emplace",
                     "insert_or_assign",
                     "extract",
                     "merge",
                     "append"});
}

/// Every modifier some family counts.
bool mayModify(const CXXMethodDecl *M) {
  return modifiesContainer(M) ||
         isOneOf(M, {"emplace_hint", "rehash", "erase_after"});
}

/// Modifiers that erase one element (or a few) of any container.
bool erasesElement(const CXXMethodDecl *M) {
  return isOneOf(M,
                 {"erase", "erase_after", "extract", "pop_front", "pop_back"});
}

/// Whether the modifier \p M of a container of family \p F may invalidate
/// what \p H stands for, the erased element left out.
bool invalidatesOthers(ContainerFamily F, const CXXMethodDecl *M, Held H) {
  bool Iterators = H != Held::Element;
  switch (F) {
  case ContainerFamily::Unknown:
  case ContainerFamily::Contiguous:
    return modifiesContainer(M);
  case ContainerFamily::Fixed:
    return false;
  case ContainerFamily::Deque:
    if (isOneOf(M,
                {"push_back", "emplace_back", "push_front", "emplace_front"}))
      return Iterators;
    return isOneOf(
        M, {"insert", "emplace", "clear", "resize", "assign", "shrink_to_fit"});
  case ContainerFamily::Node:
    return isOneOf(M, {"clear", "assign"});
  case ContainerFamily::Hash:
  case ContainerFamily::FlatHash:
    if (isOneOf(M, {"insert", "emplace", "emplace_hint", "try_emplace",
                    "insert_or_assign", "rehash", "reserve", "merge"}))
      return Iterators || F == ContainerFamily::FlatHash;
    return isOneOf(M, {"clear"});
  }
  return false;
}

/// Whether the modifier \p M of a container of family \p F may invalidate
/// what \p H stands for: a walk stands on every element in turn, so it
/// may be on the one erased.
bool invalidates(ContainerFamily F, const CXXMethodDecl *M, Held H) {
  if (invalidatesOthers(F, M, H))
    return true;
  return H == Held::Walk && F != ContainerFamily::Fixed && erasesElement(M);
}

} // namespace

ContainerFamily containerFamily(QualType T, const ContainerFamilies &Families) {
  std::string Name = T.isNull() ? std::string() : canonicalTypeName(T);
  if (Name.empty())
    return ContainerFamily::Unknown;
  std::pair<const NameMatcher &, ContainerFamily> Table[] = {
      {Families.Contiguous, ContainerFamily::Contiguous},
      {Families.Deque, ContainerFamily::Deque},
      {Families.Node, ContainerFamily::Node},
      {Families.Hash, ContainerFamily::Hash},
      {Families.FlatHash, ContainerFamily::FlatHash},
      {Families.Fixed, ContainerFamily::Fixed}};
  for (const auto &[Matcher, Family] : Table)
    if (Matcher.matches(Name))
      return Family;
  return ContainerFamily::Unknown;
}

const Expr *invalidatedBy(const Stmt &S, Held H,
                          const ContainerFamilies &Families) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const Expr *Object = Call->getImplicitObjectArgument();
    const CXXMethodDecl *M = Call->getMethodDecl();
    // The name first: most calls modify nothing, and the family needs the
    // class's canonical name.
    if (Object && mayModify(M) &&
        invalidates(containerFamily(Object->getType(), Families), M, H))
      return Object;
    return nullptr;
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Op || Op->getNumArgs() == 0)
    return nullptr;
  const Expr *Object = Op->getArg(0);
  ContainerFamily F = containerFamily(Object->getType(), Families);
  switch (Op->getOperator()) {
  case OO_Equal:
    return F == ContainerFamily::Fixed ? nullptr : Object;
  case OO_PlusEqual:
    return F == ContainerFamily::Contiguous ? Object : nullptr;
  case OO_Subscript:
    // A hash map's operator[] inserts a missing key, and may rehash.
    return (F == ContainerFamily::FlatHash ||
            (F == ContainerFamily::Hash && H != Held::Element)) &&
                   !Object->getType().isConstQualified()
               ? Object
               : nullptr;
  default:
    return nullptr;
  }
}

const FieldDecl *fieldOfThis(const Expr *E) {
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

const VarDecl *sharedVariable(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    D = Member->getMemberDecl();
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || !Var->hasGlobalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var->getCanonicalDecl();
}

const ValueDecl *containerOf(const Expr *E) {
  if (const FieldDecl *Field = fieldOfThis(E))
    return Field;
  return sharedVariable(E);
}

bool handsOutIterator(const CXXMethodDecl *M) {
  return isOneOf(M, {"begin", "end", "cbegin", "cend", "rbegin", "find", "data",
                     "lower_bound", "upper_bound"});
}

bool handsOutReference(const CXXMethodDecl *M) {
  return isOneOf(M, {"front", "back", "at"});
}

} // namespace clang::tidy::async::model
