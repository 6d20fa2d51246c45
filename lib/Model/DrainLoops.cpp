//===--- DrainLoops.cpp - async-lint --------------------------------------===//

#include "DrainLoops.h"
#include "Expressions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p S can end an iteration of the loop it is in before the
/// iteration's end: a break or continue of that loop (not of a switch or
/// loop nested in it), a return, a co_return or a goto.
bool leavesEarly(const Stmt *S, bool InSwitch = false, bool InLoop = false) {
  if (!S)
    return false;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt>(S) ||
      (isa<ContinueStmt>(S) && !InLoop) ||
      (isa<BreakStmt>(S) && !InSwitch && !InLoop))
    return true;
  InSwitch |= isa<SwitchStmt>(S);
  InLoop |= isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
  for (const Stmt *Child : S->children())
    if (leavesEarly(Child, InSwitch, InLoop))
      return true;
  return false;
}

/// The co_await that \p S, a statement of the loop's body, is.
const CoawaitExpr *awaitOf(const Stmt *S) {
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S))
    S = DS->isSingleDecl() && isa<VarDecl>(DS->getSingleDecl())
            ? cast<VarDecl>(DS->getSingleDecl())->getInit()
            : nullptr;
  const auto *E = dyn_cast_or_null<Expr>(S);
  E = E ? E->IgnoreImplicit()->IgnoreParenCasts() : nullptr;
  // idx = co_await wa;
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(E);
      Assign && Assign->getOpcode() == BO_Assign)
    E = Assign->getRHS()->IgnoreImplicit()->IgnoreParenCasts();
  return dyn_cast_or_null<CoawaitExpr>(E);
}

const VarDecl *varOf(const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// True when \p S assigns, increments or takes the address of \p V.
bool changes(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && varOf(BO->getLHS()) == V)
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
      varOf(UO->getSubExpr()) == V)
    return true;
  for (const Stmt *Child : S->children())
    if (changes(Child, V))
      return true;
  return false;
}

} // namespace

std::optional<int64_t> tripCount(const ForStmt &For, const ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(For.getInit());
  const auto *V = Init && Init->isSingleDecl()
                      ? dyn_cast<VarDecl>(Init->getSingleDecl())
                      : nullptr;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(For.getCond());
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(For.getInc());
  if (!V || !Cond || !Inc || !Inc->isIncrementOp() ||
      varOf(Inc->getSubExpr()) != V || varOf(Cond->getLHS()) != V ||
      (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE))
    return std::nullopt;
  std::optional<int64_t> From = integerConstant(V->getInit(), Ctx);
  std::optional<int64_t> To = integerConstant(Cond->getRHS(), Ctx);
  if (!From || !To || *To < *From || changes(For.getBody(), V))
    return std::nullopt;
  return *To - *From;
}

std::optional<DrainingAwait> drainingAwait(const ForStmt &For,
                                           const ASTContext &Ctx) {
  const Stmt *Body = For.getBody();
  std::optional<int64_t> Count = tripCount(For, Ctx);
  if (!Count || leavesEarly(Body))
    return std::nullopt;
  const CoawaitExpr *Await = awaitOf(Body);
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
    for (const Stmt *S : Block->body())
      if (const CoawaitExpr *A = awaitOf(S)) {
        if (Await)
          return std::nullopt;
        Await = A;
      }
  if (!Await)
    return std::nullopt;
  return DrainingAwait{Await->getOperand(), *Count};
}

} // namespace clang::tidy::async::model
