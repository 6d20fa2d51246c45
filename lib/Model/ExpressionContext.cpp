//===--- ExpressionContext.cpp - async-lint -------------------------------===//

#include "ExpressionContext.h"
#include "Expressions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

Holder holderOf(const Expr &E, ASTContext &Ctx, unsigned MaxUp,
                bool ThroughCalls) {
  const Expr *Child = &E;
  for (unsigned Up = 0; Up < MaxUp; ++Up) {
    DynTypedNodeList Parents = Ctx.getParents(*Child);
    const Expr *Parent = Parents.size() == 1 ? Parents[0].get<Expr>() : nullptr;
    if (!Parent)
      return {};
    if ((!ThroughCalls && isa<CallExpr>(Parent)) ||
        strip(Parent, Wrappers::Object) != strip(Child, Wrappers::Object))
      return {Parent, Child};
    Child = Parent;
  }
  return {};
}

bool isAssignedIn(const Stmt *Body, const VarDecl &VD) {
  if (!Body)
    return false;
  auto Names = [&](const Expr *E) { return namedDecl(E) == &VD; };
  if (const auto *Binary = dyn_cast<BinaryOperator>(Body);
      Binary && Binary->isAssignmentOp() && Names(Binary->getLHS()))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(Body);
      Unary &&
      (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf) &&
      Names(Unary->getSubExpr()))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Body);
      Op && Op->getNumArgs() > 0 &&
      (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
       Op->getOperator() == OO_MinusMinus ||
       (Op->getOperator() == OO_Amp && Op->getNumArgs() == 1)) &&
      Names(Op->getArg(0)))
    return true;
  for (const Stmt *Child : Body->children())
    if (isAssignedIn(Child, VD))
      return true;
  return false;
}

} // namespace clang::tidy::async::model
