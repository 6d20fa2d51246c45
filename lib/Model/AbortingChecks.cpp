//===--- AbortingChecks.cpp - async-lint ----------------------------------===//

#include "AbortingChecks.h"
#include "Assertions.h"
#include "Expressions.h"
#include "clang/AST/ExprCXX.h"
#include <functional>

namespace clang::tidy::async::model {

namespace {

/// True when \p S ends in a call of a function that does not return,
/// through a block's last statement, parentheses, casts and the right side
/// of a comma ('(report(...), abort())').
bool aborts(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && aborts(Block->body_back());
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreParenCasts();
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma)
    return aborts(Comma->getRHS());
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isNoReturn();
}

std::optional<int64_t> constantOf(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(E)) {
    if (List->getNumInits() == 0)
      return 0;
    return List->getNumInits() == 1 ? constantOf(List->getInit(0), Ctx)
                                    : std::nullopt;
  }
  // std::atomic<bool> done{false}: its constructor's one argument.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 ? constantOf(Construct->getArg(0), Ctx)
                                        : std::nullopt;
  return integerConstant(E, Ctx);
}

/// The initial value of the local variable \p E names, read directly or
/// through a const member call without arguments on it (an atomic's load
/// or conversion).
/// A local given another value than its initialiser's, and that value.
struct Override {
  const VarDecl *Var = nullptr;
  int64_t Value = 0;
};

std::optional<int64_t> initialOfLocal(const Expr *E, const ASTContext &Ctx,
                                      Override With) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->isConst() || Call->getNumArgs() != 0)
      return std::nullopt;
    E = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return std::nullopt;
  if (Var == With.Var)
    return With.Value;
  return constantOf(Var->getInit(), Ctx);
}

std::optional<int64_t> valueOf(const Expr *E, const ASTContext &Ctx,
                               Override With = {}) {
  E = E->IgnoreParenCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<int64_t> V = valueOf(Not->getSubExpr(), Ctx, With);
    return V ? std::optional<int64_t>(!*V) : std::nullopt;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E);
      Binary && (Binary->isComparisonOp() || Binary->isLogicalOp())) {
    std::optional<int64_t> L = valueOf(Binary->getLHS(), Ctx, With);
    std::optional<int64_t> R = valueOf(Binary->getRHS(), Ctx, With);
    if (!L || !R)
      return std::nullopt;
    switch (Binary->getOpcode()) {
    case BO_LT:
      return *L < *R;
    case BO_GT:
      return *L > *R;
    case BO_LE:
      return *L <= *R;
    case BO_GE:
      return *L >= *R;
    case BO_EQ:
      return *L == *R;
    case BO_NE:
      return *L != *R;
    case BO_LAnd:
      return *L && *R;
    case BO_LOr:
      return *L || *R;
    default:
      return std::nullopt;
    }
  }
  if (std::optional<int64_t> Local = initialOfLocal(E, Ctx, With))
    return Local;
  return constantOf(E, Ctx);
}

} // namespace

const Expr *abortingCheck(const Stmt &S, bool &Holds) {
  return oneSidedTest(S, aborts, Holds, /*Plain=*/true);
}

std::optional<bool> valueAtInitialisers(const Expr &E, const ASTContext &Ctx) {
  std::optional<int64_t> V = valueOf(&E, Ctx);
  return V ? std::optional<bool>(*V != 0) : std::nullopt;
}

std::optional<bool> valueWith(const Expr &E, const ASTContext &Ctx,
                              const VarDecl &Var, int64_t Value) {
  std::optional<int64_t> V = valueOf(&E, Ctx, {&Var, Value});
  return V ? std::optional<bool>(*V != 0) : std::nullopt;
}

std::optional<int64_t> initialValue(const VarDecl &Var, const ASTContext &Ctx) {
  return Var.hasLocalStorage() ? constantOf(Var.getInit(), Ctx) : std::nullopt;
}

const Expr *checkOfChange(const Stmt &S, const ASTContext &Ctx) {
  bool Holds = false;
  const Expr *Cond = abortingCheck(S, Holds);
  if (!Cond)
    return nullptr;
  std::optional<bool> Initially = valueAtInitialisers(*Cond, Ctx);
  return Initially && *Initially != Holds ? Cond : nullptr;
}

bool namedOnlyBy(const Stmt &Body, const VarDecl &Var,
                 const CXXRecordDecl *Closure, const Stmt &Start) {
  bool Elsewhere = false;
  std::function<void(const Stmt &)> Visit = [&](const Stmt &S) {
    if (Elsewhere || &S == &Start)
      return;
    if (const auto *L = dyn_cast<LambdaExpr>(&S)) {
      if (L->getLambdaClass() == Closure)
        return;
      // Another lambda: what its body does with the variable. Capturing
      // it, by copy or by reference, changes nothing.
      for (const Expr *Init : L->capture_inits())
        if (Init && !isa<DeclRefExpr>(Init->IgnoreImplicit()))
          Visit(*Init);
      return Visit(*L->getBody());
    }
    // A read of its value changes nothing; nor does a const member call
    // on it (an atomic's load), whose arguments are still looked at.
    if (const auto *Read = dyn_cast<ImplicitCastExpr>(&S);
        Read && Read->getCastKind() == CK_LValueToRValue &&
        isa<DeclRefExpr>(Read->getSubExpr()->IgnoreParens()))
      return;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
        Call && Call->getMethodDecl() && Call->getMethodDecl()->isConst() &&
        namedDecl(Call->getImplicitObjectArgument()) == &Var) {
      for (const Expr *Arg : Call->arguments())
        Visit(*Arg);
      return;
    }
    bool Holds = false;
    const Expr *Cond = abortingCheck(S, Holds);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Elsewhere = Ref->getDecl() == &Var;
    for (const Stmt *Child : S.children())
      if (Child && Child != Cond)
        Visit(*Child);
  };
  Visit(Body);
  return !Elsewhere;
}

} // namespace clang::tidy::async::model
