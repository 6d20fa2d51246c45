//===--- NoExecutor.cpp - async-lint --------------------------------------===//

#include "NoExecutor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

namespace {

/// The local \p Cond tests for null, and whether the test is true when it
/// is null; null when \p Cond is no such test.
const VarDecl *nullTest(const Expr *Cond, bool &TrueWhenNull) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  auto Var = [](const Expr *E) -> const VarDecl * {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  };
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    const VarDecl *V = nullTest(Not->getSubExpr(), TrueWhenNull);
    TrueWhenNull = !TrueWhenNull;
    return V;
  }
  if (const auto *Bin = dyn_cast<BinaryOperator>(Cond);
      Bin && Bin->isEqualityOp()) {
    const Expr *Other = nullptr;
    const VarDecl *V = Var(Bin->getLHS());
    Other = Bin->getRHS();
    if (!V) {
      V = Var(Bin->getRHS());
      Other = Bin->getLHS();
    }
    if (!V || !Other->IgnoreParenImpCasts()->isNullPointerConstant(
                  V->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
      return nullptr;
    TrueWhenNull = Bin->getOpcode() == BO_EQ;
    return V;
  }
  const VarDecl *V = Var(Cond);
  if (V && V->getType()->isPointerType()) {
    TrueWhenNull = false;
    return V;
  }
  return nullptr;
}

/// True when the local \p V holds what awaiting one of \p CurrentExecutors
/// yields.
bool holdsCurrentExecutor(const VarDecl &V, const NameMatcher &Names) {
  const Expr *Init = V.getInit();
  const auto *Await =
      Init
          ? dyn_cast<CoawaitExpr>(Init->IgnoreImplicit()->IgnoreParenImpCasts())
          : nullptr;
  return Await && Await->getOperand() &&
         Names.matches(canonicalTypeName(Await->getOperand()->getType()));
}

} // namespace

const IfStmt *noExecutorBranch(const Stmt &Body, const Stmt &Site,
                               const NameMatcher &CurrentExecutors,
                               ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Site);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    const Stmt *Child = Node.get<Stmt>();
    const auto *Parent = Parents[0].get<Stmt>();
    if (!Parent || Parent == &Body)
      return nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && Child && (Child == If->getThen() || Child == If->getElse())) {
      bool TrueWhenNull = false;
      const VarDecl *V = nullTest(If->getCond(), TrueWhenNull);
      bool InThen = Child == If->getThen();
      if (V && InThen == TrueWhenNull &&
          holdsCurrentExecutor(*V, CurrentExecutors))
        return If;
    }
    Node = Parents[0];
  }
  return nullptr;
}

} // namespace clang::tidy::async::model
