//===--- TaskHolders.cpp - async-lint -------------------------------------===//

#include "TaskHolders.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "PathFacts.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S assigns \p Param to a member of '*this'.
bool assignsToMember(const Stmt &S, const ParmVarDecl &Param) {
  const Expr *To = nullptr, *From = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(&S);
      BO && BO->getOpcode() == BO_Assign) {
    To = BO->getLHS();
    From = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    To = Op->getArg(0);
    From = Op->getArg(1);
  }
  const auto *Member =
      To ? dyn_cast<MemberExpr>(strip(To, Wrappers::Syntax)) : nullptr;
  return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreImpCasts()) &&
         referencedVariable(From) == &Param;
}

} // namespace

bool constructionKeeps(const CXXConstructExpr &E, unsigned I) {
  const CXXConstructorDecl *Ctor = E.getConstructor();
  if (!Ctor)
    return false;
  if (Ctor->isCopyOrMoveConstructor())
    return true;
  const FunctionDecl *Def = nullptr;
  if (!Ctor->hasBody(Def) || I >= Def->getNumParams())
    return false;
  const ParmVarDecl &Param = *Def->getParamDecl(I);
  if (Param.getType()->isReferenceType() || !isTaskType(Param.getType()))
    return false;
  for (const CXXCtorInitializer *Init : cast<CXXConstructorDecl>(Def)->inits())
    if (Init->isMemberInitializer() && Init->isWritten() &&
        referencedVariable(Init->getInit()) == &Param)
      return true;
  bool Assigned = false;
  forEachOwnStmt(Def->getBody(),
                 [&](const Stmt &S) { Assigned |= assignsToMember(S, Param); });
  return Assigned;
}

} // namespace clang::tidy::async::model
