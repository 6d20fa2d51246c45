//===--- InlineSpawnStarts.cpp - async-lint -------------------------------===//

#include "InlineSpawnStarts.h"
#include "CallInfo.h"
#include "CaptureUses.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "LibraryAnalyses.h"
#include "PathFacts.h"
#include "ResolvedTypes.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::async::model {

namespace {

/// \p E without the conversions and copies around what is written: an
/// executor copied or converted (to any_io_executor) into the parameter.
const Expr *written(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit();
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || isa<CXXTemporaryObjectExpr>(Construct) ||
        Construct->getNumArgs() != 1)
      return E;
    E = Construct->getArg(0);
  }
  return E;
}

/// \p E is `co_await X` with X of an \p OwnExecutors class.
bool awaitsOwnExecutor(const Expr *E, const NameMatcher &OwnExecutors) {
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(written(E));
  const Expr *Operand = Await ? Await->getOperand() : nullptr;
  return Operand && matchesClass(OwnExecutors, recordOf(Operand->getType()));
}

/// What a spawn's executor argument names: the context or executor,
/// without a `.get_executor()` of it.
const Expr *spawnTarget(const CallExpr &Spawn) {
  const Expr *E = written(Spawn.getArg(0));
  if (const auto *Get = dyn_cast_or_null<CXXMemberCallExpr>(E);
      Get && Get->getNumArgs() == 0 && Get->getMethodDecl() &&
      Get->getMethodDecl()->getName() == "get_executor")
    return written(Get->getImplicitObjectArgument());
  return E;
}

/// \p RD cannot be copy-assigned: its copy assignment, or one of a base's
/// that its implicit one would call, is deleted or not public (asio's
/// execution_context is noncopyable).
bool unassignable(const CXXRecordDecl &RD, unsigned Depth = 0) {
  if (!RD.hasDefinition() || Depth > 4)
    return false;
  for (const CXXMethodDecl *M : RD.methods())
    if (M->isCopyAssignmentOperator() && !M->isImplicit())
      return M->isDeleted() || M->getAccess() != AS_public;
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl();
        B && unassignable(*B, Depth + 1))
      return true;
  return false;
}

/// A variable or member that always names one object: a reference, a
/// const, or of a class that cannot be assigned (an execution context).
bool fixedObject(const ValueDecl &D) {
  QualType T = D.getType();
  if (T->isReferenceType() || T.isConstQualified())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && unassignable(*RD);
}

/// The declaration \p E names as a fixed object: a variable, or a member
/// of the function's own object (through 'this').
const ValueDecl *fixedTarget(const Expr *E) {
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    D = dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E);
           Member && isa<CXXThisExpr>(Member->getBase()->IgnoreImplicit()))
    D = dyn_cast<FieldDecl>(Member->getMemberDecl());
  return D && fixedObject(*D) ? D : nullptr;
}

/// The call that \p Lambda is an argument of, through the implicit nodes
/// around it.
const CallExpr *callTaking(const LambdaExpr &Lambda, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Lambda);
  for (unsigned Depth = 0; Depth < 6; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *Call = Parents[0].get<CallExpr>())
      return Call;
    const auto *E = Parents[0].get<Expr>();
    if (!E || !(isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ExprWithCleanups>(E) ||
                (isa<CXXConstructExpr>(E) && !isa<CXXTemporaryObjectExpr>(E))))
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

/// The coroutine lambda \p Caller runs on the context or executor \p Target
/// names: its lambda is the function object of a dispatching spawn given
/// that same fixed object (`co_spawn(ctx, [&]() -> awaitable<void> {
/// ... co_spawn(ctx, ...) ... }, detached)`).
bool spawnedOnSame(const FunctionDecl &Caller, const ValueDecl &Target,
                   const NameMatcher &DispatchingSpawns) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Caller);
  const CXXRecordDecl *Closure = Method ? Method->getParent() : nullptr;
  if (!Closure || !Closure->isLambda())
    return false;
  ASTContext &Ctx = Caller.getASTContext();
  for (const DynTypedNode &Up : Ctx.getParents(*Closure)) {
    const auto *Lambda = Up.get<LambdaExpr>();
    const CallExpr *Outer = Lambda ? callTaking(*Lambda, Ctx) : nullptr;
    if (Outer && Outer->getNumArgs() > 1 &&
        callOfListed(*Outer, DispatchingSpawns) &&
        written(Outer->getArg(1)) == Lambda &&
        fixedTarget(spawnTarget(*Outer)) == &Target)
      return true;
  }
  return false;
}

} // namespace

bool startsInline(const CallExpr &Spawn, const FunctionDecl &Caller,
                  const OwnStmts &Own, const InlineStartLists &Lists) {
  if (!getCoroutineBody(Caller) || Spawn.getNumArgs() == 0 ||
      !callOfListed(Spawn, Lists.DispatchingSpawns))
    return false;
  const Expr *Executor = written(Spawn.getArg(0));
  if (awaitsOwnExecutor(Executor, Lists.OwnExecutors))
    return true;
  // The context the caller itself was spawned on.
  if (const ValueDecl *Target = fixedTarget(spawnTarget(Spawn));
      Target && spawnedOnSame(Caller, *Target, Lists.DispatchingSpawns))
    return true;
  // A local of the caller, initialised from it and never assigned.
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Executor);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const auto *Home =
      Var ? dyn_cast<FunctionDecl>(Var->getDeclContext()) : nullptr;
  return Home && Var->isLocalVarDecl() &&
         Home->getCanonicalDecl() == Caller.getCanonicalDecl() &&
         !Var->getType()->isReferenceType() &&
         awaitsOwnExecutor(Var->getInit(), Lists.OwnExecutors) &&
         !isAssignedIn(*Var, Own);
}

} // namespace clang::tidy::async::model

namespace clang::tidy::async::model {

namespace {

/// \p Arg names \p Var, or takes its address.
bool namesVar(const Expr *Arg, const VarDecl &Var) {
  Arg = Arg ? Arg->IgnoreParenImpCasts() : nullptr;
  if (const auto *Addr = dyn_cast_or_null<UnaryOperator>(Arg);
      Addr && Addr->getOpcode() == UO_AddrOf)
    Arg = Addr->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Arg);
  return Ref && Ref->getDecl() == &Var;
}

/// The late use of a parameter \p Call binds \p Var to, in a coroutine.
LentUse lentBy(const CallExpr &Call, const VarDecl &Var, CaptureUses &Uses,
               const LibraryAnalyses &A) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || !getCoroutineBody(*Def))
    return {};
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    const ParmVarDecl *Param = Def->getParamDecl(I);
    QualType T = Param->getType();
    if ((T->isReferenceType() || T->isPointerType()) &&
        namesVar(argumentFor(Call, I), Var))
      if (const Stmt *Late = Uses.lateParameterUse(*Def, Param, A))
        return {Late, Param, Def};
  }
  return {};
}

} // namespace

LentUse lentToCoroutine(const CXXMethodDecl &Op, const VarDecl &Var,
                        CaptureUses &Uses, const LibraryAnalyses &A) {
  LentUse Found;
  const Stmt *Body = Op.getBody();
  if (!Body)
    return Found;
  A.Session.ownStmts(Op).forEach(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S); Call && !Found.Use)
      Found = lentBy(*Call, Var, Uses, A);
  });
  return Found;
}

} // namespace clang::tidy::async::model
