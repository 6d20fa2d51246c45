//===--- VariantAlternatives.cpp - async-lint -----------------------------===//

#include "VariantAlternatives.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "PathFacts.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

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
    if (!Method || !Method->getIdentifier() || Method->getName() != "index" ||
        Member->getNumArgs() != 0 ||
        canonicalName(*Method->getParent()) != "::std::variant")
      continue;
    const VarDecl *Var =
        referencedVariable(Member->getImplicitObjectArgument());
    std::optional<llvm::APSInt> N = Value->isValueDependent()
                                        ? std::nullopt
                                        : Value->getIntegerConstantExpr(Ctx);
    if (Var && N)
      Out[Var] = N->getExtValue();
  }
}

std::optional<std::pair<const VarDecl *, int64_t>>
alternativeRead(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Callee->getName() != "get" || Call->getNumArgs() != 1 ||
      Args->size() == 0 || Args->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  const VarDecl *Var = referencedVariable(Call->getArg(0));
  if (!Var)
    return std::nullopt;
  return std::pair(Var, Args->get(0).getAsIntegral().getExtValue());
}

void forgetChanged(const Stmt *S, IndexFacts &Facts) {
  if (Facts.empty() || !S)
    return;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (auto [Target, Value] = assignmentParts(&Child); Target)
      if (const VarDecl *Var = referencedVariable(Target))
        Facts.erase(Var);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Child);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst())
      if (const VarDecl *Var =
              referencedVariable(Member->getImplicitObjectArgument()))
        Facts.erase(Var);
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
          if (const VarDecl *Var = referencedVariable(Call->getArg(I)))
            Facts.erase(Var);
      }
    }
  });
}

} // namespace clang::tidy::async::model
