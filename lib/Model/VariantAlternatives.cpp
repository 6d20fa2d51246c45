//===--- VariantAlternatives.cpp - async-lint -----------------------------===//

#include "VariantAlternatives.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "PathFacts.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

const ValueDecl *variantObject(const Expr *E) {
  if (const VarDecl *Var = referencedVariable(E))
    return Var;
  const auto *Member = dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
  if (Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return dyn_cast<FieldDecl>(Member->getMemberDecl());
  return nullptr;
}

namespace {

/// True for a member function of std::variant named \p Name.
bool isVariantMember(const CXXMethodDecl *Method, llvm::StringRef Name) {
  return Method && Method->getIdentifier() && Method->getName() == Name &&
         canonicalName(*Method->getParent()) == "::std::variant";
}

/// True for a function of the standard library (of namespace std or of one
/// of its classes): it does not reach the caller's object through `this`.
bool isStdFunction(const FunctionDecl *Callee) {
  if (!Callee)
    return false;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    return Method->getParent()->isInStdNamespace();
  return Callee->isInStdNamespace();
}

} // namespace

void learnEmplace(const Stmt &S, IndexFacts &Out) {
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(
      strip(dyn_cast<Expr>(&S), Wrappers::Implicit));
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  const TemplateArgumentList *Args =
      Method ? Method->getTemplateSpecializationArgs() : nullptr;
  if (!isVariantMember(Method, "emplace") || !Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Integral)
    return;
  if (const ValueDecl *Object =
          variantObject(Member->getImplicitObjectArgument()))
    Out[Object] = Args->get(0).getAsIntegral().getExtValue();
}

void learnIndex(const Expr *Cond, bool Holds, IndexFacts &Out,
                const ASTContext &Ctx, unsigned Depth) {
  Cond = strip(Cond, Wrappers::Condition);
  if (!Cond || Depth > 8)
    return;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return learnIndex(Not->getSubExpr(), !Holds, Out, Ctx, Depth + 1);
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return;
  if ((BO->getOpcode() == BO_LAnd && Holds) ||
      (BO->getOpcode() == BO_LOr && !Holds)) {
    learnIndex(BO->getLHS(), Holds, Out, Ctx, Depth + 1);
    learnIndex(BO->getRHS(), Holds, Out, Ctx, Depth + 1);
    return;
  }
  if (!((BO->getOpcode() == BO_EQ && Holds) ||
        (BO->getOpcode() == BO_NE && !Holds)))
    return;
  for (auto [Query, Value] : {std::pair(BO->getLHS(), BO->getRHS()),
                              std::pair(BO->getRHS(), BO->getLHS())}) {
    const auto *Member =
        dyn_cast<CXXMemberCallExpr>(strip(Query, Wrappers::Condition));
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!isVariantMember(Method, "index") || Member->getNumArgs() != 0)
      continue;
    const ValueDecl *Var = variantObject(Member->getImplicitObjectArgument());
    std::optional<llvm::APSInt> N = Value->isValueDependent()
                                        ? std::nullopt
                                        : Value->getIntegerConstantExpr(Ctx);
    if (Var && N)
      Out[Var] = N->getExtValue();
  }
}

std::optional<std::pair<const ValueDecl *, int64_t>>
alternativeRead(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Callee->getName() != "get" || Call->getNumArgs() != 1 ||
      Args->size() == 0 || Args->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  const ValueDecl *Var = variantObject(Call->getArg(0));
  if (!Var)
    return std::nullopt;
  return std::pair(Var, Args->get(0).getAsIntegral().getExtValue());
}

void forgetChanged(const Stmt *S, IndexFacts &Facts) {
  if (Facts.empty() || !S)
    return;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (auto [Target, Value] = assignmentParts(&Child); Target)
      if (const ValueDecl *Var = variantObject(Target))
        Facts.erase(Var);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Child);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst())
      if (const ValueDecl *Var =
              variantObject(Member->getImplicitObjectArgument()))
        Facts.erase(Var);
    // A function outside std may change the object's members.
    const FunctionDecl *Called = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(&Child))
      Called = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&Child))
      Called = Construct->getConstructor();
    if (isa<CallExpr, CXXConstructExpr>(Child) && !isStdFunction(Called)) {
      llvm::SmallVector<const ValueDecl *, 2> Members;
      for (const auto &Fact : Facts)
        if (isa<FieldDecl>(Fact.first))
          Members.push_back(Fact.first);
      for (const ValueDecl *Member : Members)
        Facts.erase(Member);
    }
    if (const auto *Call = dyn_cast<CallExpr>(&Child)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace())
        return;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        bool ByRef = !Callee || I >= Callee->getNumParams() ||
                     (Callee->getParamDecl(I)->getType()->isReferenceType() &&
                      !Callee->getParamDecl(I)
                           ->getType()
                           .getNonReferenceType()
                           .isConstQualified());
        if (ByRef)
          if (const ValueDecl *Var = variantObject(Call->getArg(I)))
            Facts.erase(Var);
      }
    }
  });
}

} // namespace clang::tidy::async::model
