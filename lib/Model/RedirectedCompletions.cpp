//===--- RedirectedCompletions.cpp - async-lint ---------------------------===//

#include "RedirectedCompletions.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FirstArrival.h"
#include "StatementChildren.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

const VarDecl *varOf(const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// Calls \p Visit with each variable that \p E, a call or a construction,
/// passes to a non-const lvalue reference parameter, and the parameter.
template <typename VisitFn>
void forEachByReference(const Expr &E, VisitFn Visit) {
  const FunctionDecl *Callee = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    Callee = Call->getDirectCallee();
    llvm::append_range(Args, Call->arguments());
    // A member operator's object is its first argument, not a parameter.
    if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
        Method && Method->isInstance() && isa<CXXOperatorCallExpr>(Call) &&
        !Args.empty())
      Args.erase(Args.begin());
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    Callee = Construct->getConstructor();
    llvm::append_range(Args, Construct->arguments());
  }
  if (!Callee)
    return;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    const auto *Ref = Param->getType()->getAs<LValueReferenceType>();
    if (Ref && !Ref->getPointeeType().isConstQualified())
      if (const VarDecl *VD = varOf(Args[I]))
        Visit(*VD, *Param);
  }
}

/// True when \p S changes \p Var: an assignment (plain or compound), an
/// increment or decrement, or a call of a non-const member on it.
bool changes(const Stmt &S, const ValueDecl *Var) {
  if (auto [Target, Value] = assignmentParts(&S); Target)
    return namedDecl(Target) == Var;
  if (const auto *Op = dyn_cast<BinaryOperator>(&S))
    return Op->isCompoundAssignmentOp() && namedDecl(Op->getLHS()) == Var;
  if (const auto *Op = dyn_cast<UnaryOperator>(&S))
    return Op->isIncrementDecrementOp() && namedDecl(Op->getSubExpr()) == Var;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    return Method && !Method->isConst() && !isa<CXXConversionDecl>(Method) &&
           varOf(Call->getImplicitObjectArgument()) == Var;
  }
  return false;
}

/// True when some statement of \p Body changes \p Var.
bool assigns(const Stmt *Body, const ValueDecl *Var) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (changes(*S, Var))
      return true;
    llvm::append_range(Work, S->children());
  }
  return false;
}

/// The lambda that \p E is, or that the local \p E names was initialised
/// with.
const LambdaExpr *lambdaOf(const Expr *E) {
  const Expr *Stripped = strip(E, Wrappers::Implicit);
  if (const VarDecl *VD = varOf(Stripped); VD && VD->isLocalVarDecl())
    Stripped = VD->getInit() ? strip(VD->getInit(), Wrappers::Object) : nullptr;
  return dyn_cast_or_null<LambdaExpr>(Stripped);
}

/// The variables a coroutine called by \p Call sets: its non-const
/// reference parameters, or a lambda's captures by reference, that its body
/// assigns.
void setByCoroutine(const CallExpr &Call,
                    llvm::SmallVectorImpl<const VarDecl *> &Out) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (const LambdaExpr *Lambda = Op && Op->getOperator() == OO_Call
                                     ? lambdaOf(Op->getArg(0))
                                     : nullptr) {
    if (!isCoroutine(*Lambda->getCallOperator()))
      return;
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
        if (const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar());
            VD && assigns(Lambda->getBody(), VD))
          Out.push_back(VD);
    return;
  }
  const FunctionDecl *Callee = Call.getDirectCallee(), *Def = nullptr;
  if (!Callee || !isCoroutine(*Callee) || !Callee->hasBody(Def) || !Def)
    return;
  forEachByReference(Call, [&](const VarDecl &VD, const ParmVarDecl &Param) {
    unsigned Index = Param.getFunctionScopeIndex();
    if (Index < Def->getNumParams() &&
        assigns(getUserBody(*Def), Def->getParamDecl(Index)))
      Out.push_back(&VD);
  });
}

/// True when \p Child, a child of \p S, is tested: \p S compares it, negates
/// it, converts it to bool or takes it as its condition.
bool testsChild(const Stmt &S, const Stmt *Child) {
  if (const auto *Op = dyn_cast<BinaryOperator>(&S))
    return Op->isComparisonOp() || Op->isLogicalOp();
  if (const auto *Op = dyn_cast<UnaryOperator>(&S))
    return Op->getOpcode() == UO_LNot;
  if (isa<CXXRewrittenBinaryOperator>(S))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    // A logical operator of a class that does not yield a bool is no test
    // (asio's awaitable operator|| is a race).
    return Op->isComparisonOp() || ((Op->getOperator() == OO_Exclaim ||
                                     Op->getOperator() == OO_AmpAmp ||
                                     Op->getOperator() == OO_PipePipe) &&
                                    Op->getType()->isBooleanType());
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(&S))
    return Cast->getType()->isBooleanType() &&
           Cast->getCastKind() != CK_LValueToRValue &&
           Cast->getCastKind() != CK_NoOp;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S))
    return isa_and_nonnull<CXXConversionDecl>(Call->getMethodDecl()) &&
           Call->getType()->isBooleanType();
  const Expr *Cond = conditionOf(S);
  return Cond && Cond == Child;
}

/// The references under \p S that test what they name (testsChild, or in
/// an assertion statement); \p Tested: \p S itself is tested.
void collectTested(const Stmt &S, bool Tested,
                   llvm::function_ref<bool(const Stmt &)> IsAssertion,
                   llvm::DenseSet<const DeclRefExpr *> &Out) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&S); Ref && Tested)
    Out.insert(Ref);
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S.children())
    if (Child)
      collectTested(*Child,
                    Tested || testsChild(S, Child) ||
                        (isa<CompoundStmt>(S) && IsAssertion(*Child)),
                    IsAssertion, Out);
}

} // namespace

llvm::SmallVector<const VarDecl *, 2>
handedForCompletion(const Expr &E, const NameMatcher &Tokens) {
  llvm::SmallVector<const VarDecl *, 2> Out;
  if (!isa<CallExpr, CXXConstructExpr>(E))
    return Out;
  if (const CXXRecordDecl *Token = E.getType()->getAsCXXRecordDecl();
      Token && Tokens.mayMatchSegment(Token->getName()) &&
      Tokens.matches(canonicalName(*Token))) {
    forEachByReference(
        E, [&](const VarDecl &VD, const ParmVarDecl &) { Out.push_back(&VD); });
    return Out;
  }
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    setByCoroutine(*Call, Out);
  return Out;
}

llvm::SmallVector<const VarDecl *, 4>
completionVariables(const Expr &Race, const NameMatcher &Tokens) {
  llvm::SmallVector<const VarDecl *, 4> Out;
  llvm::SmallVector<const Stmt *, 16> Work{&Race};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *E = dyn_cast<Expr>(S))
      for (const VarDecl *VD : handedForCompletion(*E, Tokens))
        if (!llvm::is_contained(Out, VD))
          Out.push_back(VD);
    llvm::append_range(Work, S->children());
  }
  return Out;
}

bool completionTestedAfter(const CFG &Graph, const Stmt &Body, const Stmt &Race,
                           const Expr &Sides, const NameMatcher &Tokens,
                           llvm::function_ref<bool(const Stmt &)> IsAssertion) {
  llvm::SmallVector<const VarDecl *, 4> Vars =
      completionVariables(Sides, Tokens);
  if (Vars.empty())
    return false;
  llvm::DenseSet<const DeclRefExpr *> Tested;
  collectTested(Body, false, IsAssertion, Tested);
  for (const VarDecl *Var : Vars) {
    bool Found = false;
    walkAfter(Graph, Race, [&](const Stmt &S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
          Ref && Ref->getDecl() == Var && Tested.contains(Ref))
        Found = true;
      // A path ends where the variable is given another value.
      return Found || changes(S, Var) ||
             (isa<Expr>(S) &&
              llvm::is_contained(handedForCompletion(cast<Expr>(S), Tokens),
                                 Var));
    });
    if (Found)
      return true;
  }
  return false;
}

} // namespace clang::tidy::async::model
