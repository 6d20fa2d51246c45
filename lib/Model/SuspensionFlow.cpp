//===--- SuspensionFlow.cpp - async-lint ----------------------------------===//

#include "SuspensionFlow.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "ForwardRunner.h"
#include "HandlerEdges.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

/// Adds the facts of \p From missing in \p Into; true when it added any.
bool mergeInto(HeldFacts &Into, const HeldFacts &From) {
  bool Changed = false;
  for (const auto &[Key, Since] : From)
    Changed |= Into.try_emplace(Key, Since).second;
  return Changed;
}

} // namespace

SuspensionFlow::SuspensionFlow(const CFG *Graph, ASTContext &Ctx,
                               const NameMatcher *NonSuspending)
    : Ctx(Ctx), NonSuspending(NonSuspending), Graph(Graph) {
  if (!Graph)
    return;
  llvm::DenseSet<const Stmt *> Seen;
  for (const CFGBlock *Block : *Graph)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>())
        if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S->getStmt());
            Suspend && canSuspend(*Suspend, NonSuspending) &&
            Seen.insert(Suspend).second)
          Points.push_back(Suspend);
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::sort(Points, [&](const Stmt *A, const Stmt *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
}

SuspensionFlow::~SuspensionFlow() = default;

std::vector<const CoroutineSuspendExpr *>
SuspensionFlow::pointsWithin(const Stmt &S) const {
  llvm::DenseSet<const Stmt *> Own;
  forEachOwnStmt(&S, [&](const Stmt &Inner) { Own.insert(&Inner); });
  std::vector<const CoroutineSuspendExpr *> Within;
  for (const CoroutineSuspendExpr *Point : Points)
    if (Own.contains(Point))
      Within.push_back(Point);
  return Within;
}

std::vector<HeldAtSuspension>
SuspensionFlow::heldAtSuspensions(const FactTransfer &T) const {
  if (!Graph || Points.empty())
    return {};
  llvm::DenseSet<const Stmt *> IsPoint(Points.begin(), Points.end());
  // What may hold where the coroutine suspends, per point and key: the
  // union over every visit of the point, which is the fixed point's since
  // the states only grow.
  llvm::DenseMap<const Stmt *, HeldFacts> AtPoint;
  auto Block = [&](const CFGBlock &B, HeldFacts &State) {
    for (const CFGElement &Element : B) {
      if (auto S = Element.getAs<CFGStmt>()) {
        if (IsPoint.contains(S->getStmt()))
          mergeInto(AtPoint[S->getStmt()], State);
        if (T.Statement)
          T.Statement(*S->getStmt(), State);
      } else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
        if (T.Destroyed)
          T.Destroyed(*Dtor->getVarDecl(), State);
      }
    }
  };
  // A two-way branch begins or ends facts on its edges (the true edge is
  // the first successor; an edge into a handler, added after them, is
  // neither).
  auto Edge = [&](const CFGBlock &B, unsigned Succ, HeldFacts &State) {
    if (!T.Branch || Succ >= 2 || builtSuccessors(B) != 2)
      return;
    if (const auto *Cond = dyn_cast_or_null<Expr>(
            const_cast<CFGBlock &>(B).getTerminatorCondition()))
      T.Branch(*Cond, Succ == 0, State);
  };
  runForward(*Graph, HeldFacts(), Block, Edge, mergeInto);
  return inSourceOrder(AtPoint);
}

std::vector<HeldAtSuspension> SuspensionFlow::inSourceOrder(
    const llvm::DenseMap<const Stmt *, HeldFacts> &AtPoint) const {
  // In source order of the points, then of where the facts began.
  std::vector<HeldAtSuspension> Result;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CoroutineSuspendExpr *Point : Points) {
    size_t First = Result.size();
    for (const auto &[Key, Since] : AtPoint.lookup(Point))
      Result.push_back({Point, Key, Since});
    std::sort(Result.begin() + First, Result.end(),
              [&](const HeldAtSuspension &A, const HeldAtSuspension &B) {
                return SM.isBeforeInTranslationUnit(A.Since->getBeginLoc(),
                                                    B.Since->getBeginLoc());
              });
  }
  return Result;
}

LateUse SuspensionFlow::firstUseAcross(
    const Stmt &From, llvm::function_ref<bool(const Stmt &)> IsUse,
    llvm::function_ref<bool(const Stmt &)> Ends) const {
  if (!Graph)
    return {};
  return firstUseAcrossSuspension(*Graph, &From, IsUse, NonSuspending,
                                  Ctx.getSourceManager(), Ends);
}

const Stmt *SuspensionFlow::firstUseAfterSuspension(
    llvm::function_ref<bool(const Stmt &)> IsUse) const {
  if (!Graph)
    return nullptr;
  return firstUseAfterEntry(*Graph, IsUse, NonSuspending,
                            Ctx.getSourceManager())
      .Use;
}

bool SuspensionFlow::mayRunAfterSuspension(const Stmt &S) const {
  if (!AfterSuspension) {
    AfterSuspension.emplace();
    // The walk asks about every statement it reaches past a suspension.
    if (Graph)
      firstUseAfterEntry(
          *Graph,
          [&](const Stmt &Reached) {
            AfterSuspension->insert(&Reached);
            return false;
          },
          NonSuspending, Ctx.getSourceManager());
  }
  return AfterSuspension->contains(&S);
}

llvm::DenseSet<const Stmt *> SuspensionFlow::afterSuspensionPast(
    const llvm::DenseSet<const Stmt *> &Ready) const {
  llvm::DenseSet<const Stmt *> After;
  if (!Graph)
    return After;
  // A may-analysis: whether some path to a point has suspended.
  auto Scan = [&](const CFGBlock &Block, bool &Late, bool Record) {
    for (const CFGElement &Element : Block)
      if (auto S = Element.getAs<CFGStmt>()) {
        if (Late && Record)
          After.insert(S->getStmt());
        const auto *Point = dyn_cast<CoroutineSuspendExpr>(S->getStmt());
        if (Point && !Ready.contains(Point) &&
            llvm::is_contained(Points, Point))
          Late = true;
      }
  };
  std::vector<std::optional<bool>> In = runForward(
      *Graph, false,
      [&](const CFGBlock &Block, bool &Late) { Scan(Block, Late, false); },
      [](bool &Into, const bool &From) {
        bool Grew = From && !Into;
        Into = Into || From;
        return Grew;
      });
  for (const CFGBlock *Block : *Graph)
    if (const std::optional<bool> &Late = In[Block->getBlockID()]) {
      bool State = *Late;
      Scan(*Block, State, true);
    }
  return After;
}

bool SuspensionFlow::repeatsWithoutSuspending(const Stmt &From) const {
  return Graph && model::repeatsWithoutSuspending(*Graph, &From, NonSuspending);
}

} // namespace clang::tidy::async::model
