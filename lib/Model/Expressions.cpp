//===--- Expressions.cpp - async-lint -------------------------------------===//

#include "Expressions.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

/// A call of std::move, std::forward, std::ref or std::cref: its argument.
const Expr *passedThrough(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (Call.getNumArgs() != 1 || !Callee || !Callee->isInStdNamespace() ||
      !Callee->getIdentifier() ||
      !llvm::is_contained({"move", "forward", "ref", "cref"},
                          Callee->getName()))
    return nullptr;
  return Call.getArg(0);
}

/// One wrapper of \p E taken off, or \p E when it has none of \p W's.
const Expr *unwrapOnce(const Expr *E, Wrappers W) {
  if (W == Wrappers::Condition) {
    if (const Expr *Next = E->IgnoreParenImpCasts(); Next != E)
      return Next;
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      return Cleanups->getSubExpr();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isBooleanType())
      return Cast->getSubExpr();
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->getBuiltinCallee() == Builtin::BI__builtin_expect)
      return Call->getArg(0);
    return E;
  }
  if (W == Wrappers::Implicit) {
    if (const Expr *Next = E->IgnoreParens()->IgnoreImplicit(); Next != E)
      return Next;
    const auto *Call = dyn_cast<CallExpr>(E);
    const Expr *Arg = Call ? passedThrough(*Call) : nullptr;
    return Arg ? Arg : E;
  }
  if (const auto *Paren = dyn_cast<ParenExpr>(E))
    return Paren->getSubExpr();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return Cleanups->getSubExpr();
  if (const auto *Implicit = dyn_cast<ImplicitCastExpr>(E))
    return W == Wrappers::Syntax && Implicit->getCastKind() == CK_LValueToRValue
               ? E
               : Implicit->getSubExpr();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return Bind->getSubExpr();
  if (W == Wrappers::Syntax)
    return E;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return Temp->getSubExpr();
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return Cast->getSubExpr();
  if (const auto *Const = dyn_cast<ConstantExpr>(E))
    return Const->getSubExpr();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return Construct->getArg(0);
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const Expr *Arg = passedThrough(*Call))
      return Arg;
  return E;
}

} // namespace

const Expr *strip(const Expr *E, Wrappers W) {
  // Bounded: wrappers nest a few deep, never unboundedly.
  for (unsigned Guard = 0; E && Guard < 32; ++Guard) {
    const Expr *Next = unwrapOnce(E, W);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

namespace {
bool isStdGet(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == "get";
}
} // namespace

const ValueDecl *namedDecl(const Expr *E) {
  E = strip(E, Wrappers::Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

std::pair<const Expr *, const Expr *> assignmentParts(const Stmt *S) {
  if (const auto *E = dyn_cast_or_null<Expr>(S))
    S = strip(E, Wrappers::Syntax);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    return {BO->getLHS(), BO->getRHS()};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return {Op->getArg(0), Op->getArg(1)};
  return {nullptr, nullptr};
}

std::optional<Equality> equalityParts(const Expr *E) {
  if (const auto *Rewritten = dyn_cast_or_null<CXXRewrittenBinaryOperator>(E)) {
    CXXRewrittenBinaryOperator::DecomposedForm Form =
        Rewritten->getDecomposedForm();
    if (Form.Opcode == BO_EQ || Form.Opcode == BO_NE)
      return Equality{Form.LHS, Form.RHS, Form.Opcode == BO_EQ};
    return std::nullopt;
  }
  if (const auto *Binary = dyn_cast_or_null<BinaryOperator>(E);
      Binary && Binary->isEqualityOp())
    return Equality{Binary->getLHS(), Binary->getRHS(),
                    Binary->getOpcode() == BO_EQ};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 2 &&
      (Op->getOperator() == OO_EqualEqual ||
       Op->getOperator() == OO_ExclaimEqual))
    return Equality{Op->getArg(0), Op->getArg(1),
                    Op->getOperator() == OO_EqualEqual};
  return std::nullopt;
}

std::optional<int64_t> constantPosition(const Expr *E, const Expr *&Container,
                                        const ASTContext &Ctx) {
  E = strip(E, Wrappers::Implicit);
  const Expr *Index = nullptr;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
    Container = Op->getArg(0);
    Index = Op->getArg(1);
  } else if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(E)) {
    Container = Sub->getBase();
    Index = Sub->getIdx();
  } else if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    Container = Member->getImplicitObjectArgument();
    if (Method->getName() == "front" && Member->getNumArgs() == 0)
      return 0;
    if (Method->getName() != "at" || Member->getNumArgs() != 1)
      return std::nullopt;
    Index = Member->getArg(0);
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(E);
             Call && isStdGet(*Call) && Call->getNumArgs() == 1) {
    const TemplateArgumentList *Args =
        Call->getDirectCallee()->getTemplateSpecializationArgs();
    if (!Args || Args->size() == 0 ||
        Args->get(0).getKind() != TemplateArgument::Integral)
      return std::nullopt;
    Container = Call->getArg(0);
    return Args->get(0).getAsIntegral().getExtValue();
  }
  if (!Index || Index->isValueDependent())
    return std::nullopt;
  if (std::optional<llvm::APSInt> V = Index->getIntegerConstantExpr(Ctx))
    return V->getExtValue();
  return std::nullopt;
}

const ValueDecl *declNamedDirectly(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

const VarDecl *localObjectOf(const MemberExpr *Member) {
  while (Member && !Member->isArrow()) {
    const Expr *Base = strip(Member->getBase(), Wrappers::Syntax);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType()
                 ? VD
                 : nullptr;
    }
    Member = dyn_cast<MemberExpr>(Base);
  }
  return nullptr;
}

std::optional<int64_t> integerConstant(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  if (std::optional<llvm::APSInt> V =
          E->IgnoreParenImpCasts()->getIntegerConstantExpr(Ctx))
    return V->getExtValue();
  return std::nullopt;
}

namespace {
/// The variable or `this` \p E names, through implicit wrappers and member
/// accesses on an object (through `->` only on `this`); null otherwise.
const Expr *accessedRoot(const Expr *E) {
  // Bounded: member chains nest a few deep.
  for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
    E = strip(E, Wrappers::Implicit);
    if (isa_and_nonnull<DeclRefExpr, CXXThisExpr>(E))
      return E;
    const auto *Member = dyn_cast_or_null<MemberExpr>(E);
    if (!Member ||
        (Member->isArrow() &&
         !isa<CXXThisExpr>(strip(Member->getBase(), Wrappers::Implicit))))
      return nullptr;
    E = Member->getBase();
  }
  return nullptr;
}
} // namespace

void forEachReadAtCall(const Stmt &S,
                       llvm::function_ref<void(const Expr &)> Visit) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return;
  auto Found = [&](const Expr *Operand) {
    if (const Expr *Root = accessedRoot(Operand))
      Visit(*Root);
  };
  // The object: a member call's (its callee, `b.plus` or `p->plus`, walked
  // as a member access, so that a call through a pointer is not followed),
  // or a member operator's first argument.
  unsigned FirstArg = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    Found(Member->getCallee());
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
             Op && Op->getNumArgs() > 0 &&
             isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee())) {
    Found(Op->getArg(0));
    FirstArg = 1;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I)
    if (I - FirstArg < Callee->getNumParams() &&
        Callee->getParamDecl(I - FirstArg)->getType()->isReferenceType())
      Found(Call->getArg(I));
}

} // namespace clang::tidy::async::model
