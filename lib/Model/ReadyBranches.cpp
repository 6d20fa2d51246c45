//===--- ReadyBranches.cpp - async-lint -----------------------------------===//

#include "ReadyBranches.h"
#include "ExpressionContext.h"
#include "PathFacts.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// The call of the awaitable protocol's member \p Name on a variable that
/// \p E is, or null.
const VarDecl *protocolCallOn(const Expr *E, llvm::StringRef Name) {
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Method->getName() != Name ||
      Call->getNumArgs() != 0)
    return nullptr;
  return referencedVariable(Call->getImplicitObjectArgument());
}

/// Whether \p Cond is true exactly when `Object.await_ready()` answered
/// true (true), exactly when it answered false (false), or neither.
std::optional<bool> readyTest(const Expr *Cond, const VarDecl &Object,
                              const Stmt *Body) {
  Cond = Cond ? Cond->IgnoreParenImpCasts() : nullptr;
  if (!Cond)
    return std::nullopt;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<bool> Inner = readyTest(Not->getSubExpr(), Object, Body);
    return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
  }
  if (protocolCallOn(Cond, "await_ready") == &Object)
    return true;
  // A local that keeps the answer and that nothing changes.
  const auto *Ref = dyn_cast<DeclRefExpr>(Cond);
  const auto *Kept = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Kept && Kept->isLocalVarDecl() && !Kept->getType()->isReferenceType() &&
      protocolCallOn(Kept->getInit(), "await_ready") == &Object &&
      !isAssignedIn(Body, *Kept))
    return true;
  return std::nullopt;
}

const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  for (const DynTypedNode &Parent : Ctx.getParents(S))
    if (const auto *P = Parent.get<Stmt>())
      return P;
  return nullptr;
}

} // namespace

bool resumesReadyAwaitable(const Stmt &Site, ASTContext &Ctx) {
  const VarDecl *Object = protocolCallOn(dyn_cast<Expr>(&Site), "await_resume");
  if (!Object)
    return false;
  // The outermost statement: the function's body.
  const Stmt *Body = &Site;
  for (const Stmt *Up = parentStmt(Site, Ctx); Up; Up = parentStmt(*Up, Ctx))
    Body = Up;
  if (isAssignedIn(Body, *Object))
    return false;
  const Stmt *Child = &Site;
  for (const Stmt *Up = parentStmt(Site, Ctx); Up;
       Child = Up, Up = parentStmt(*Up, Ctx)) {
    // A lambda's body runs when it is called, not where it is made.
    if (isa<LambdaExpr>(Up))
      return false;
    const Expr *Cond = nullptr;
    bool InThen = false, InElse = false;
    if (const auto *If = dyn_cast<IfStmt>(Up)) {
      Cond = If->getConditionVariable() ? nullptr : If->getCond();
      InThen = Child == If->getThen();
      InElse = Child == If->getElse();
    } else if (const auto *Choice = dyn_cast<ConditionalOperator>(Up)) {
      Cond = Choice->getCond();
      InThen = Child == Choice->getTrueExpr();
      InElse = Child == Choice->getFalseExpr();
    }
    if (!Cond || (!InThen && !InElse))
      continue;
    if (std::optional<bool> Ready = readyTest(Cond, *Object, Body))
      if (*Ready == InThen)
        return true;
  }
  return false;
}

} // namespace clang::tidy::async::model
