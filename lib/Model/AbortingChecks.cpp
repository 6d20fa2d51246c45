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

/// A local given another value than its initialiser's, and that value, in
/// the measure \p M (a counter's value, or a container's size).
struct Override {
  const VarDecl *Var = nullptr;
  int64_t Value = 0;
  Measure M = Measure::Value;
};

/// True when \p Call reads the size of a standard container (`v.size()`).
bool readsSize(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
  return Class && Class->isInStdNamespace() && Method->getIdentifier() &&
         Method->getName() == "size" && Call.getNumArgs() == 0;
}

/// True when \p Call reads the value of what it is called on: a const
/// member call without arguments other than enumerators (an atomic's
/// `load()`, `load(std::memory_order_acquire)`, its conversion).
bool readsValue(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  return Method && Method->isConst() &&
         llvm::all_of(Call.arguments(), [](const Expr *Arg) {
           return Arg->IgnoreImpCasts()->getType()->isEnumeralType();
         });
}

/// True when \p Var is only read after its initialiser in the function
/// that declares it: a copy of a value taken at one point.
bool readOnlyLocal(const VarDecl &Var) {
  const auto *Function = dyn_cast<FunctionDecl>(Var.getDeclContext());
  const Stmt *Body = Function ? Function->getBody() : nullptr;
  if (!Body || Var.getType()->isReferenceType())
    return false;
  bool Written = false;
  std::function<void(const Stmt &)> Visit = [&](const Stmt &S) {
    if (const auto *Read = dyn_cast<ImplicitCastExpr>(&S);
        Read && Read->getCastKind() == CK_LValueToRValue &&
        isa<DeclRefExpr>(Read->getSubExpr()->IgnoreParens()))
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Written = Written || Ref->getDecl() == &Var;
    for (const Stmt *Child : S.children())
      if (Child && !Written)
        Visit(*Child);
  };
  Visit(*Body);
  return !Written;
}

std::optional<int64_t> initialMeasure(const VarDecl &Var, Measure M,
                                      const ASTContext &Ctx) {
  if (M == Measure::Value)
    return constantOf(Var.getInit(), Ctx);
  // A standard container that can grow, made empty.
  const auto *Made = dyn_cast_or_null<CXXConstructExpr>(
      Var.getInit() ? Var.getInit()->IgnoreImplicit() : nullptr);
  const CXXRecordDecl *Class = Var.getType()->getAsCXXRecordDecl();
  bool Grows = Class && Class->hasDefinition() &&
               llvm::any_of(Class->methods(), [](const CXXMethodDecl *M) {
                 return M->getIdentifier() &&
                        (M->getName() == "push_back" || M->getName() == "push");
               });
  return Made && Made->getNumArgs() == 0 && Grows && Class->isInStdNamespace()
             ? std::optional<int64_t>(0)
             : std::nullopt;
}

std::optional<int64_t> valueOf(const Expr *E, const ASTContext &Ctx,
                               Override With, unsigned Depth);

/// The initial measure of the local variable \p E reads: its value, read
/// directly or through a const member call on it (an atomic's load or
/// conversion); a standard container's size; or the value of a read-only
/// local copied from one of these.
std::optional<int64_t> initialOfLocal(const Expr *E, const ASTContext &Ctx,
                                      Override With, unsigned Depth) {
  Measure M = Measure::Value;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    if (readsSize(*Call))
      M = Measure::Size;
    else if (!readsValue(*Call))
      return std::nullopt;
    E = Call->getImplicitObjectArgument()->IgnoreParenImpCasts();
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return std::nullopt;
  if (Var == With.Var)
    return M == With.M ? std::optional<int64_t>(With.Value) : std::nullopt;
  if (std::optional<int64_t> Initial = initialMeasure(*Var, M, Ctx))
    return Initial;
  // A copy of another local's measure, taken once and only read.
  const Expr *Init = Var->getInit();
  if (M == Measure::Value && Init && Depth < 4 &&
      Var->getType()->isScalarType() && readOnlyLocal(*Var))
    return valueOf(Init, Ctx, With, Depth + 1);
  return std::nullopt;
}

std::optional<int64_t> valueOf(const Expr *E, const ASTContext &Ctx,
                               Override With, unsigned Depth) {
  E = E->IgnoreParenCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<int64_t> V = valueOf(Not->getSubExpr(), Ctx, With, Depth);
    return V ? std::optional<int64_t>(!*V) : std::nullopt;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(E);
      Binary && (Binary->isComparisonOp() || Binary->isLogicalOp())) {
    std::optional<int64_t> L = valueOf(Binary->getLHS(), Ctx, With, Depth);
    std::optional<int64_t> R = valueOf(Binary->getRHS(), Ctx, With, Depth);
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
  if (std::optional<int64_t> Local = initialOfLocal(E, Ctx, With, Depth))
    return Local;
  return constantOf(E, Ctx);
}

} // namespace

const Expr *abortingCheck(const Stmt &S, bool &Holds) {
  return oneSidedTest(S, aborts, Holds, /*Plain=*/true);
}

std::optional<bool> valueAtInitialisers(const Expr &E, const ASTContext &Ctx) {
  std::optional<int64_t> V = valueOf(&E, Ctx, {}, 0);
  return V ? std::optional<bool>(*V != 0) : std::nullopt;
}

std::optional<bool> valueWith(const Expr &E, const ASTContext &Ctx,
                              const VarDecl &Var, int64_t Value, Measure M) {
  std::optional<int64_t> V = valueOf(&E, Ctx, {&Var, Value, M}, 0);
  return V ? std::optional<bool>(*V != 0) : std::nullopt;
}

std::optional<int64_t> initialValue(const VarDecl &Var, const ASTContext &Ctx,
                                    Measure M) {
  return Var.hasLocalStorage() ? initialMeasure(Var, M, Ctx) : std::nullopt;
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
