//===--- TaskFates.cpp - async-lint ---------------------------------------===//
//
// TaskFlow's questions: what finally becomes of a task (through the locals
// and containers that hold it), what an argument refers to, and whether it
// dies before the task is done. The walk that records the uses is in
// TaskFlow.cpp.
//
//===----------------------------------------------------------------------===//

#include "Awaitables.h"
#include "CallInfo.h"
#include "ContextEnds.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "StdCalls.h"
#include "TaskFlow.h"
#include "TaskWaits.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

using UseKind = TaskFlow::Use::Kind;

/// The fate of a started child from the fate \p Held of the local that
/// keeps its spawn's result or join handle.
TaskFate startedFate(TaskFate Held) {
  using K = TaskFate::Kind;
  if (Held.What == K::Dropped) {
    // Nothing joins the started child: it runs on, as a detached spawn.
    TaskFate Lost{K::Escapes, Held.Where,
                  "started by the spawn, and its handle dropped here "
                  "without being awaited",
                  /*OnExecutor=*/true};
    Lost.Started = true;
    return Lost;
  }
  if (Held.What == K::AwaitedLater && Held.DroppedWhere.isValid()) {
    // The join that counts is the one some path misses.
    Held.Where = Held.DroppedWhere;
    Held.How = "started by the spawn, and its handle dropped here on a "
               "path that does not await it";
  }
  return Held;
}

} // namespace

SourceLocation TaskFlow::fullExpressionEnd(const Expr *E) const {
  auto It = UseOf.find(E);
  if (It == UseOf.end() || !Uses[It->second].FullExpr)
    return E->getEndLoc();
  return Uses[It->second].FullExpr->getEndLoc();
}

SourceLocation TaskFlow::scopeEnd(const VarDecl *Var) const {
  return ScopeEnds.lookup(Var);
}

bool TaskFlow::runsToCompletionBetween(SourceLocation After,
                                       SourceLocation Before) const {
  const SourceManager &SM = Ctx.getSourceManager();
  return llvm::any_of(CompletionPoints, [&](const CallExpr *Run) {
    SourceLocation P = Run->getBeginLoc();
    return SM.isBeforeInTranslationUnit(After, P) &&
           SM.isBeforeInTranslationUnit(P, Before) &&
           runCompletes(*Body, *Run, After, Lib->ContextStopMembers, SM);
  });
}

TaskFate TaskFlow::fateOf(const Expr *E) const { return resolve(E, 0); }

const VarDecl *TaskFlow::localHolderOf(const Expr *E) const {
  auto It = UseOf.find(E);
  if (It == UseOf.end() || Uses[It->second].What != UseKind::StoredLocal)
    return nullptr;
  return Uses[It->second].Holder;
}

TaskFate TaskFlow::fateOfLocal(const VarDecl *Var) const {
  return resolveVar(Var, 0);
}

TaskFate TaskFlow::resolve(const Expr *E, unsigned Depth) const {
  auto It = UseOf.find(E);
  if (It == UseOf.end() || Depth > 4)
    return {};
  const Use &U = Uses[It->second];
  using K = TaskFate::Kind;
  switch (U.What) {
  case UseKind::Other:
  case UseKind::Neutral:
    return {};
  case UseKind::Discarded:
    return {K::Dropped, U.Where, "dropped here", /*OnExecutor=*/true};
  case UseKind::Awaited:
    return {K::Awaited, U.Where, "awaited here"};
  case UseKind::Returned: {
    TaskFate Returned{K::Escapes, U.Where, "returned here"};
    Returned.ViaReturn = true;
    Returned.Started = U.Started; // the join handle of its spawn
    return Returned;
  }
  case UseKind::Spawned: {
    TaskFate Spawned{K::Escapes, U.Where,
                     U.Detached ? "spawned detached here" : "spawned here",
                     /*OnExecutor=*/true};
    Spawned.Spawn = U.Spawn;
    return Spawned;
  }
  case UseKind::Iterated:
    // C++23 keeps the temporaries of the range expression alive (P2718).
    if (rangeForInitTemporariesLiveThroughLoop(Ctx.getLangOpts()))
      return {K::Awaited, U.Where, "iterated here"};
    return {K::AwaitedLater, U.Where,
            "iterated here, after the temporaries of the range expression "
            "are destroyed"};
  case UseKind::StoredOther: {
    TaskFate Stored{K::Escapes, U.Where,
                    "stored here, where it outlives the function"};
    Stored.IntoObject = U.IntoObject;
    return Stored;
  }
  case UseKind::StoredLocal: {
    TaskFate Held = Graph && U.Store
                        ? resolveValue(U.Holder, U.Store, Depth + 1)
                        : resolveVar(U.Holder, Depth + 1);
    if (Held.What == K::Awaited) {
      Held.What = K::AwaitedLater;
      Held.How = "awaited here, after the full expression that created it";
    }
    Held.Started |= U.Started;
    return Held.Started ? startedFate(Held) : Held;
  }
  }
  return {};
}

TaskFate TaskFlow::resolveValue(const VarDecl *Var, TaskValue Value,
                                unsigned Depth) const {
  auto It = Outcomes.find(Value);
  if (It == Outcomes.end())
    return combine(Var, {}, ScopeEnds.lookup(Var), Depth);
  return combine(Var, It->second.Mentions,
                 It->second.MayDrop ? It->second.DroppedAt : SourceLocation(),
                 Depth);
}

TaskFate TaskFlow::resolveVar(const VarDecl *Var, unsigned Depth) const {
  if (!Graph) {
    // Without a CFG: every use, in source order, and dropped at the end of
    // its scope when none consumes it.
    auto It = VarMentions.find(Var);
    return combine(Var,
                   It == VarMentions.end() ? llvm::ArrayRef<const Expr *>()
                                           : llvm::ArrayRef(It->second),
                   ScopeEnds.lookup(Var), Depth);
  }
  // Every value the local is given, together.
  llvm::SmallVector<const Expr *, 4> Mentions;
  SourceLocation DroppedAt;
  auto Values = ValuesOf.find(Var);
  if (Values == ValuesOf.end())
    return combine(Var, {}, ScopeEnds.lookup(Var), Depth);
  for (TaskValue Value : Values->second) {
    auto It = Outcomes.find(Value);
    if (It == Outcomes.end()) {
      DroppedAt = ScopeEnds.lookup(Var);
      continue;
    }
    for (const Expr *Mention : It->second.Mentions)
      if (!llvm::is_contained(Mentions, Mention))
        Mentions.push_back(Mention);
    if (It->second.MayDrop && DroppedAt.isInvalid())
      DroppedAt = It->second.DroppedAt;
  }
  return combine(Var, Mentions, DroppedAt, Depth);
}

TaskFate TaskFlow::combine(const VarDecl *Var,
                           llvm::ArrayRef<const Expr *> Mentions,
                           SourceLocation DroppedAt, unsigned Depth) const {
  using K = TaskFate::Kind;
  TaskFate Result{K::Dropped, ScopeEnds.lookup(Var), "dropped here",
                  /*OnExecutor=*/true};
  const SourceManager &SM = Ctx.getSourceManager();
  // In source order, so that the answer does not depend on the order the
  // analysis met them in.
  llvm::SmallVector<const Expr *, 4> Ordered(Mentions);
  llvm::sort(Ordered, [&](const Expr *A, const Expr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  bool SawUnknown = false;
  for (const Expr *Mention : Ordered) {
    const Use &U = Uses[UseOf.find(Mention)->second];
    if (U.What == UseKind::Neutral)
      continue;
    TaskFate F = resolve(Mention, Depth);
    switch (F.What) {
    case K::Escapes:
      return F;
    case K::Unknown:
      SawUnknown = true;
      break;
    case K::Awaited:
    case K::AwaitedLater:
      if (Result.What == K::Dropped ||
          SM.isBeforeInTranslationUnit(F.Where, Result.Where))
        Result = F;
      break;
    case K::Dropped:
      break;
    }
  }
  if (SawUnknown)
    return {};
  // Awaited on some paths, dropped on others.
  if (Graph && Result.What != K::Dropped)
    Result.DroppedWhere = DroppedAt;
  return Result;
}

SourceLocation TaskFlow::diesBeforeTask(const Referent &R, const Expr *Call,
                                        const TaskFate &F, Laziness L) const {
  using K = TaskFate::Kind;
  // A dropped lazy task never runs; a dropped eager one runs on (dropped
  // on some path: on that path).
  if (F.Started)
    L = Laziness::Eager;
  bool DroppedRuns = F.droppedOnSomePath() && L == Laziness::Eager;
  bool Runs = F.outlivesFullExpression() || DroppedRuns;
  if (!Runs)
    return {};
  if (R.What == Referent::Kind::Temporary)
    return fullExpressionEnd(Call);
  if (R.What != Referent::Kind::Local)
    return {};
  SourceLocation End = scopeEnd(R.Var);
  if (End.isInvalid())
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  if (F.What == K::AwaitedLater) {
    // On the CFG: the local dies on some path from the store to the await
    // (in a loop, the await may come before the creation in the source).
    std::optional<bool> Dies = diesBeforeAwait(R.Var, Call);
    bool Before = Dies ? *Dies : SM.isBeforeInTranslationUnit(End, F.Where);
    if (Before || !DroppedRuns)
      return Before ? End : SourceLocation();
  }
  // A task kept in the very local it refers to (a member of it) is
  // dropped with it: it does not outlive what it refers to.
  if (F.What == K::Dropped && localHolderOf(Call) == R.Var)
    return {};
  // An eager task awaited on some paths runs on detached where another
  // path drops it. It runs from the call on, wherever its handle is
  // dropped: a run of the executor to completion after the call finishes
  // it (or leaves nothing that could resume it).
  SourceLocation From = F.What == K::AwaitedLater ? F.DroppedWhere : F.Where;
  bool OnExecutor = F.OnExecutor || F.What == K::AwaitedLater;
  if (L == Laziness::Eager) {
    From = fullExpressionEnd(Call);
    OnExecutor = true;
  }
  if (OnExecutor && runsToCompletionBetween(From, End))
    return {};
  // Or the threads that run the task's local context are joined first, or
  // that context dies first and destroys the task (ContextEnds.h).
  if (F.What == K::Escapes && F.OnExecutor && !F.ViaReturn && F.Spawn &&
      contextEndsTask(*Body, *F.Spawn, *R.Var,
                      {Lib->SyncWaitFunctions, Lib->ContextStopMembers,
                       Lib->WorkDestroyingContexts, catalogueWaits()}) !=
          ContextEnd::None)
    return {};
  return End;
}

Referent TaskFlow::referentOf(const Expr *Arg, bool Indirect) {
  using K = Referent::Kind;
  const Expr *E = strip(Arg, Wrappers::Syntax);
  if (!E)
    return {};
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E)) {
    if (Temp->getExtendingDecl())
      return {};
    return {K::Temporary, nullptr};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 1 &&
      isStdFunction(*Call, {"ref", "cref", "move"}))
    return referentOf(Call->getArg(0), Indirect);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
      return {};
    return {K::Local, VD};
  }
  if (!Indirect)
    return {};
  // What a pointer or view argument points into.
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    return referentOf(Unary->getSubExpr(), false);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    // A copy of a view refers to whatever the copied view refers to.
    if (!Ctor || Ctor->isCopyOrMoveConstructor() ||
        Construct->getNumArgs() == 0)
      return {};
    QualType First = Construct->getArg(0)->getType();
    if (First->isPointerType() || !First->isRecordType())
      return {};
    return referentOf(Construct->getArg(0), false);
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    if (isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl()))
      return referentOf(Member->getImplicitObjectArgument(), false);
  return {};
}

static bool derivesFromSharedFromThis(const CXXRecordDecl *RD, unsigned Depth) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  for (const CXXBaseSpecifier &Base : RD->bases()) {
    const CXXRecordDecl *BaseDecl = Base.getType()->getAsCXXRecordDecl();
    if (BaseDecl &&
        (canonicalName(*BaseDecl) == "::std::enable_shared_from_this" ||
         derivesFromSharedFromThis(BaseDecl, Depth + 1)))
      return true;
  }
  return false;
}

bool isSharedFromThisClass(const CXXRecordDecl *RD) {
  return derivesFromSharedFromThis(RD, 0);
}

bool isSharedPtrType(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && canonicalName(*RD) == "::std::shared_ptr";
}

const LambdaExpr *lambdaOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E, Wrappers::Syntax);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
      return Lambda;
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temp->getSubExpr();
      continue;
    }
    const auto *Construct = dyn_cast<CXXConstructExpr>(E);
    if (!Construct || Construct->getNumArgs() != 1 ||
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      return nullptr;
    E = Construct->getArg(0);
  }
  return nullptr;
}

} // namespace clang::tidy::async::model
