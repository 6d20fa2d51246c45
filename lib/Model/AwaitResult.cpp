//===--- AwaitResult.cpp - async-lint -------------------------------------===//
//
// What the reference await_resume returns is bound to, followed through the
// functions it returns through (members of any object, static and free
// helpers, std::move and std::forward), with each parameter of a followed
// function bound to its call's argument.
//
//===----------------------------------------------------------------------===//

#include "AwaitResult.h"
#include "CoroutineModel.h"
#include "StdCalls.h"
#include "clang/Basic/Builtins.h"

namespace clang::tidy::async::model {

namespace {

using Ref = AwaitResultRef;

/// Functions are followed this many calls deep, and a judgement takes at
/// most this many steps; past either, the binding is not followed (Unknown).
constexpr unsigned MaxDepth = 10;
constexpr unsigned MaxSteps = 400;

Ref join(Ref A, Ref B) {
  if (A == Ref::IntoAwaited || B == Ref::IntoAwaited)
    return Ref::IntoAwaited;
  if (A == Ref::Unknown || B == Ref::Unknown)
    return Ref::Unknown;
  return Ref::Elsewhere;
}

/// A function whose returned reference is followed, and the call that
/// entered it (none for await_resume, whose object is the awaited one).
struct Frame {
  const FunctionDecl *Fn;
  const CallExpr *Call = nullptr;
  const Frame *Caller = nullptr;
  unsigned Depth = 0;
  /// The call's result is the whole result (see Follow).
  bool Whole = true;
};

/// std::move, std::forward and their kind: the result is the argument.
bool forwardsArgument(const CallExpr &Call) {
  return Call.getNumArgs() == 1 &&
         isStdFunction(Call, {"move", "forward", "forward_like", "as_const",
                              "move_if_noexcept"});
}

bool takesAddress(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  unsigned Id = Callee ? Callee->getBuiltinID() : 0;
  return Call.getNumArgs() == 1 &&
         (Id == Builtin::BIaddressof || Id == Builtin::BI__addressof ||
          Id == Builtin::BI__builtin_addressof);
}

/// The object a member function is called on, in its caller.
const Expr *objectOf(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return Member->getImplicitObjectArgument();
  if (isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    return Call.getArg(0);
  return nullptr;
}

/// Where a reference or pointer reaches, judged in the frame that holds it.
/// \c Whole: the expression is the result itself, not an object the result
/// is a part of or is reached through. A reference or a pointer the
/// awaitable keeps (a data member of reference type, a stored pointer)
/// designates what it was bound to: as the whole result that is elsewhere;
/// as the way to a part, it may be state the awaitable owns (a promise, a
/// shared state) and is judged by what it mentions.
class Follow {
public:
  Ref returned(const Frame &F);

private:
  Ref refOf(const Expr *E, const Frame &F, bool Whole);
  Ref ptrOf(const Expr *E, const Frame &F, bool Whole);
  Ref loaded(const Expr *E, const Frame &F, bool Whole);
  Ref member(const MemberExpr &M, const Frame &F, bool Whole);
  Ref variable(const DeclRefExpr &D, const Frame &F, bool Whole, bool Load);
  Ref called(const CallExpr &Call, const Frame &F, bool Whole);
  Ref thisOf(const Frame &F);
  const Expr *argumentFor(const ParmVarDecl &P, const Frame &F);
  Ref mentions(const Stmt *S, const Frame &F, unsigned Depth = 0);
  bool spent() { return ++Steps > MaxSteps; }
  unsigned Steps = 0;
};

Ref Follow::returned(const Frame &F) {
  const FunctionDecl *Def = F.Fn ? F.Fn->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || F.Depth > MaxDepth) {
    // Not followed: await_resume itself is unknown; a function it returns
    // through is judged by what it is given (into the awaited object when
    // given it), as the editor, which may not see a header's bodies, does.
    return F.Caller ? mentions(F.Call, *F.Caller) : Ref::Unknown;
  }
  Frame Here = F;
  Here.Fn = Def;
  Ref Found = Ref::Elsewhere;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S);
        Return && Found != Ref::IntoAwaited)
      Found = join(Found, refOf(Return->getRetValue(), Here, F.Whole));
  });
  return Found;
}

Ref Follow::refOf(const Expr *E, const Frame &F, bool Whole) {
  if (!E || spent())
    return Ref::Unknown;
  E = E->IgnoreParenImpCasts();
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return refOf(Full->getSubExpr(), F, Whole);
  // A temporary, or a new object: not the awaited one.
  if (isa<MaterializeTemporaryExpr>(E) || E->isPRValue())
    return Ref::Elsewhere;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_Deref)
    return ptrOf(Unary->getSubExpr(), F, Whole);
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return member(*Member, F, Whole);
  if (const auto *Decl = dyn_cast<DeclRefExpr>(E))
    return variable(*Decl, F, Whole, false);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return refOf(Cast->getSubExpr(), F, Whole);
  if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E))
    return ptrOf(Element->getBase(), F, false);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
    return join(refOf(Cond->getTrueExpr(), F, Whole),
                refOf(Cond->getFalseExpr(), F, Whole));
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->getOpcode() == BO_Comma)
      return refOf(Binary->getRHS(), F, Whole);
    if (Binary->isAssignmentOp())
      return refOf(Binary->getLHS(), F, Whole);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return called(*Call, F, Whole);
  return mentions(E, F);
}

Ref Follow::ptrOf(const Expr *E, const Frame &F, bool Whole) {
  if (!E || spent())
    return Ref::Unknown;
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return refOf(Cast->getSubExpr(), F, false);
    if (Cast->getCastKind() == CK_LValueToRValue)
      return loaded(Cast->getSubExpr(), F, Whole);
    return ptrOf(Cast->getSubExpr(), F, Whole);
  }
  if (isa<CXXThisExpr>(E))
    return thisOf(F);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    return refOf(Unary->getSubExpr(), F, Whole);
  if (const auto *Binary = dyn_cast<BinaryOperator>(E);
      Binary && Binary->isAdditiveOp())
    return ptrOf(Binary->getLHS()->getType()->isPointerType()
                     ? Binary->getLHS()
                     : Binary->getRHS(),
                 F, false);
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && takesAddress(*Call))
    return refOf(Call->getArg(0), F, Whole);
  return mentions(E, F);
}

/// The pointer kept in the glvalue \p E.
Ref Follow::loaded(const Expr *E, const Frame &F, bool Whole) {
  if (!E || spent())
    return Ref::Unknown;
  E = E->IgnoreParenImpCasts();
  if (const auto *Decl = dyn_cast<DeclRefExpr>(E))
    return variable(*Decl, F, Whole, true);
  if (const auto *Call = dyn_cast<CallExpr>(E); Call && forwardsArgument(*Call))
    return loaded(Call->getArg(0), F, Whole);
  return Whole ? Ref::Elsewhere : mentions(E, F);
}

Ref Follow::member(const MemberExpr &M, const Frame &F, bool Whole) {
  const auto *Field = dyn_cast<FieldDecl>(M.getMemberDecl());
  if (!Field)
    return Ref::Elsewhere; // a static data member
  if (Field->getType()->isReferenceType() && Whole)
    return Ref::Elsewhere; // what the reference was bound to
  return M.isArrow() ? ptrOf(M.getBase(), F, false)
                     : refOf(M.getBase(), F, false);
}

/// A variable named in frame \p F: as a reference, or (\p Load) the pointer
/// it keeps.
Ref Follow::variable(const DeclRefExpr &D, const Frame &F, bool Whole,
                     bool Load) {
  const auto *Var = dyn_cast<VarDecl>(D.getDecl());
  if (!Var)
    return Ref::Elsewhere;
  bool IsRef = Var->getType()->isReferenceType();
  const Expr *Bound = nullptr;
  const Frame *Where = &F;
  if (const auto *Param = dyn_cast<ParmVarDecl>(Var)) {
    Bound = argumentFor(*Param, F);
    if (!Bound)
      return Ref::Unknown;
    Where = F.Caller;
  } else if (Var->hasLocalStorage() && !Var->isStaticLocal()) {
    Bound = Var->getInit();
  }
  if (!Bound) // a global, a static, or a local made without one
    return Ref::Elsewhere;
  if (Load)
    return IsRef ? loaded(Bound, *Where, Whole) : ptrOf(Bound, *Where, Whole);
  // A parameter or local copied by value is the function's own.
  return IsRef ? refOf(Bound, *Where, Whole) : Ref::Elsewhere;
}

const Expr *Follow::argumentFor(const ParmVarDecl &P, const Frame &F) {
  if (!F.Caller || !F.Call || P.getDeclContext() != F.Fn)
    return nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(F.Fn);
  unsigned Shift = isa<CXXOperatorCallExpr>(F.Call) && Method &&
                           Method->isImplicitObjectMemberFunction()
                       ? 1
                       : 0;
  unsigned I = P.getFunctionScopeIndex() + Shift;
  return I < F.Call->getNumArgs() ? F.Call->getArg(I) : nullptr;
}

Ref Follow::called(const CallExpr &Call, const Frame &F, bool Whole) {
  if (forwardsArgument(Call))
    return refOf(Call.getArg(0), F, Whole);
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return mentions(&Call, F);
  return returned({Callee, &Call, &F, F.Depth + 1, Whole});
}

Ref Follow::thisOf(const Frame &F) {
  if (!F.Caller)
    return Ref::IntoAwaited;
  const auto *Method = dyn_cast<CXXMethodDecl>(F.Fn);
  const Expr *Object = F.Call ? objectOf(*F.Call) : nullptr;
  if (!Method || !Method->isImplicitObjectMemberFunction() || !Object)
    return Ref::Elsewhere;
  return Object->getType()->isPointerType() ? ptrOf(Object, *F.Caller, false)
                                            : refOf(Object, *F.Caller, false);
}

/// What \p S mentions: the object of its frame, or a parameter given the
/// awaited object (bounded: returns of accessors are small).
Ref Follow::mentions(const Stmt *S, const Frame &F, unsigned Depth) {
  if (!S || Depth > 12)
    return Ref::Elsewhere;
  if (spent())
    return Ref::Unknown;
  if (isa<CXXThisExpr>(S))
    return thisOf(F);
  if (const auto *Decl = dyn_cast<DeclRefExpr>(S))
    if (const auto *Param = dyn_cast<ParmVarDecl>(Decl->getDecl()))
      if (const Expr *Arg = argumentFor(*Param, F))
        return mentions(Arg, *F.Caller);
  Ref Found = Ref::Elsewhere;
  for (const Stmt *Child : S->children()) {
    Found = join(Found, mentions(Child, F, Depth + 1));
    if (Found == Ref::IntoAwaited)
      break;
  }
  return Found;
}

} // namespace

AwaitResultRef awaitResultRef(const CoawaitExpr &Await) {
  const auto *Resume =
      dyn_cast_or_null<CXXMemberCallExpr>(Await.getResumeExpr());
  const CXXMethodDecl *Method = Resume ? Resume->getMethodDecl() : nullptr;
  if (!Method || !Method->getReturnType()->isReferenceType())
    return Ref::Elsewhere;
  Follow Walk;
  return Walk.returned({Method});
}

bool awaitsTemporary(const CoawaitExpr &Await) {
  const Expr *E = Await.getOperand();
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return !Temp->getExtendingDecl();
  return E->isPRValue();
}

const CoawaitExpr *awaitedPartOf(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Await = dyn_cast<CoawaitExpr>(E))
      return Await;
    const auto *Member = dyn_cast<MemberExpr>(E);
    if (!Member || Member->isArrow() ||
        !isa<FieldDecl>(Member->getMemberDecl()))
      return nullptr;
    E = Member->getBase();
  }
  return nullptr;
}

} // namespace clang::tidy::async::model
