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

/// Whether the modifier \p M of a container of family \p F may invalidate
/// what \p H stands for.
bool invalidates(ContainerFamily F, const CXXMethodDecl *M, Held H) {
  switch (F) {
  case ContainerFamily::Unknown:
  case ContainerFamily::Contiguous:
    return modifiesContainer(M);
  case ContainerFamily::Fixed:
    return false;
  case ContainerFamily::Deque:
    if (isOneOf(M,
                {"push_back", "emplace_back", "push_front", "emplace_front"}))
      return H == Held::Iterator;
    return isOneOf(
        M, {"insert", "emplace", "clear", "resize", "assign", "shrink_to_fit"});
  case ContainerFamily::Node:
    return isOneOf(M, {"clear", "assign"});
  case ContainerFamily::Hash:
    if (isOneOf(M, {"insert", "emplace", "emplace_hint", "try_emplace",
                    "insert_or_assign", "rehash", "reserve", "merge"}))
      return H == Held::Iterator;
    return isOneOf(M, {"clear"});
  }
  return false;
}

} // namespace

ContainerFamily containerFamily(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return ContainerFamily::Unknown;
  std::string Name = canonicalName(*RD);
  auto In = [&](std::initializer_list<StringRef> Names) {
    return llvm::is_contained(Names, Name);
  };
  if (In({"::std::vector", "::std::basic_string"}))
    return ContainerFamily::Contiguous;
  if (In({"::std::deque"}))
    return ContainerFamily::Deque;
  if (In({"::std::list", "::std::forward_list", "::std::map", "::std::multimap",
          "::std::set", "::std::multiset"}))
    return ContainerFamily::Node;
  if (In({"::std::unordered_map", "::std::unordered_multimap",
          "::std::unordered_set", "::std::unordered_multiset"}))
    return ContainerFamily::Hash;
  if (In({"::std::array"}))
    return ContainerFamily::Fixed;
  return ContainerFamily::Unknown;
}

const Expr *invalidatedBy(const Stmt &S, Held H) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Object && invalidates(containerFamily(Object->getType()),
                              Call->getMethodDecl(), H))
      return Object;
    return nullptr;
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Op || Op->getNumArgs() == 0)
    return nullptr;
  const Expr *Object = Op->getArg(0);
  ContainerFamily F = containerFamily(Object->getType());
  switch (Op->getOperator()) {
  case OO_Equal:
    return F == ContainerFamily::Fixed ? nullptr : Object;
  case OO_PlusEqual:
    return F == ContainerFamily::Contiguous ? Object : nullptr;
  case OO_Subscript:
    // A hash map's operator[] inserts a missing key, and may rehash.
    return F == ContainerFamily::Hash && H == Held::Iterator &&
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
