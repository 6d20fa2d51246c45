//===--- HoldLifetimes.cpp - async-lint -----------------------------------===//

#include "HoldLifetimes.h"
#include "AwaitResult.h"
#include "AwaitedTemporaries.h"
#include "ContainerHolds.h"
#include "CoroutineModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The context of one coroutine's rules.
struct Holder {
  const FunctionDecl &Coro;
  const Stmt &Body;
  ASTContext &Ctx;
  const HoldLifetimeRules &R;
  LifetimeFindings &Found;

  const OwnStmts &own() const { return R.A.Session.ownStmts(Coro); }
  LifetimeEvidence &add(bool Once) {
    LifetimeEvidence &E = Found.emplace_back();
    E.Once = Once;
    return E;
  }

  void awaitedReferences();
  void awaitResultPart(const VarDecl &VD);
  void awaitResultParts();
  void containerHold(const ContainerHold &Hold);
  void weakSelf();
  void strictParameters();
};

void Holder::awaitedReferences() {
  for (const AwaitedTemporaryHold &Hold :
       awaitedTemporaryHolds(Body, Ctx.getLangOpts(), &own())) {
    if (!Hold.Var) {
      add(false).add(Said::LoopRangeDies, Hold.Await->getBeginLoc());
      continue;
    }
    const CXXMethodDecl *Resume = awaitResumeOf(*Hold.Await);
    add(false)
        .add(Said::ReferenceToAwaitedTemporary, Hold.Var->getLocation(),
             {Hold.Var})
        .add(Said::ResumeReturnsReference, Resume->getLocation(), {Resume})
        .add(Said::UsedAfterTemporaryDies, Hold.FirstUse->getLocation(),
             {Hold.Var});
  }
}

void Holder::awaitResultPart(const VarDecl &VD) {
  std::optional<AwaitedPartHold> Hold =
      awaitedPartHold(VD, Body, R.ViewTypes, R.OpaqueAwaitResults);
  if (!Hold)
    return;
  const CXXMethodDecl *Resume = awaitResumeOf(*Hold->Await);
  bool Opaque = awaitResultRef(*Hold->Await) == AwaitResultRef::Unknown;
  add(true)
      .add(Said::AwaitedPart, VD.getLocation(),
           {static_cast<int>(Hold->How), &VD})
      .add(Opaque ? Said::OpaqueResumeReturnsReference
                  : Said::ResumeReturnsReference,
           Resume->getLocation(), {Resume})
      .add(Said::ItUsedAfterTemporaryDies, Hold->Use->getBeginLoc());
}

void Holder::awaitResultParts() {
  own().forEach(&Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      if (const CoawaitExpr *Await = rangeIntoAwaitedPart(
              *Range, Ctx.getLangOpts(), R.OpaqueAwaitResults))
        add(false).add(Said::LoopRangeDies, Await->getBeginLoc());
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          awaitResultPart(*VD);
  });
}

/// How a warning names a container: 0 a member, 1 a global, 2 a static.
int containerKind(const ValueDecl &Container) {
  const auto *Shared = dyn_cast<VarDecl>(&Container);
  if (!Shared)
    return 0;
  return Shared->isStaticLocal() || Shared->isStaticDataMember() ? 2 : 1;
}

void Holder::containerHold(const ContainerHold &Hold) {
  const ValueDecl &Container = *Hold.Container;
  const Stmt *Modified = R.Modifications.invalidationOf(Container, Hold.H, Ctx);
  if (!Modified)
    return;
  if (Hold.Walker) {
    // The algorithm by its name, not its specialisation's arguments.
    const FunctionDecl *Walker = Hold.Walker->getDirectCallee();
    if (const FunctionTemplateDecl *T = Walker->getPrimaryTemplate())
      Walker = T->getTemplatedDecl();
    add(true)
        .add(Said::LoopOverContainer, Hold.Walker->getBeginLoc(),
             {&Container, containerKind(Container)})
        .add(Said::AlgorithmWalks, Hold.Await->getBeginLoc(), {Walker})
        .add(Said::ContainerModified, Modified->getBeginLoc(), {&Container});
    return;
  }
  LateUse Late =
      lateUseOfHold(R.A.suspensions(Coro), Body, *Hold.Var, *Hold.Declaration);
  if (!Late.Use)
    return;
  LifetimeEvidence &E = add(true);
  if (Hold.Loop)
    E.add(Said::LoopOverContainer, Hold.Loop->getBeginLoc(),
          {&Container, containerKind(Container)});
  else
    E.add(Said::PointsIntoContainer, Hold.Var->getLocation(),
          {Hold.Var, &Container, containerKind(Container)});
  E.add(Said::MaySuspend, Late.Suspension->getBeginLoc())
      .add(Said::ContainerModified, Modified->getBeginLoc(), {&Container});
  if (Hold.Loop)
    E.add(Said::LoopMovesOn, Late.Use->getBeginLoc());
  else
    E.add(Said::UsedAfterTheSuspension, Late.Use->getBeginLoc(), {Hold.Var});
}

void Holder::weakSelf() {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  if (!Method || !Method->isInstance() ||
      Method->isExplicitObjectMemberFunction() || isLambdaCallOperator(*Method))
    return;
  std::optional<UncheckedWeakSelf> Weak =
      R.Detached.uncheckedWeakSelf(*Method, Body, R.A);
  if (!Weak)
    return;
  LifetimeEvidence &E = add(true);
  E.add(Said::UncheckedWeakSelf, Weak->Late.Use->getBeginLoc(),
        {describeFunction(*Method), Weak->Weak})
      .add(Said::MaySuspendObjectMayDie, Weak->Late.Suspension->getBeginLoc())
      .add(Said::WeakReferenceTaken, Weak->Weak->getLocation(), {Weak->Weak});
  if (Weak->Spawn.isValid())
    E.add(Said::SpawnedDetached, Weak->Spawn);
}

void Holder::strictParameters() {
  for (const ParmVarDecl *Param : Coro.parameters()) {
    if (!refersThrough(*Param, R.ViewTypes, R.ReferenceWrappers))
      continue;
    const Stmt *Use =
        R.A.suspensions(Coro).firstUseAfterSuspension([&](const Stmt &S) {
          const auto *Ref = dyn_cast<DeclRefExpr>(&S);
          return Ref && Ref->getDecl() == Param;
        });
    if (!Use)
      continue;
    add(false)
        .add(Said::StrictParameter, Param->getLocation(),
             {Param, describeFunction(Coro)})
        .add(Said::UsedAfterSuspending, Use->getBeginLoc(), {Param});
  }
}

} // namespace

LifetimeFindings holdLifetimes(const FunctionDecl &Coro, const Stmt &Body,
                               ASTContext &Ctx, const HoldLifetimeRules &R) {
  LifetimeFindings Found;
  Holder H{Coro, Body, Ctx, R, Found};
  H.awaitedReferences();
  H.awaitResultParts();
  for (const ContainerHold &Hold : containerHolds(
           Body, R.ViewTypes, &H.own(), &R.Modifications.families().Walking))
    H.containerHold(Hold);
  H.weakSelf();
  if (R.StrictParameters)
    H.strictParameters();
  return Found;
}

} // namespace clang::tidy::async::model
