//===--- PathFacts.cpp - async-lint ---------------------------------------===//

#include "PathFacts.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "DrainLoops.h"
#include "DroppedValues.h"
#include "ExpressionContext.h"
#include "Expressions.h"
#include "ForwardRunner.h"
#include "HandlerEdges.h"
#include "PathFactsTransfer.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include <optional>

namespace clang::tidy::async::model {

const VarDecl *referencedVariable(const Expr *E) {
  if (const auto *Ref =
          dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object)))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

namespace {

/// Keeps in \p Into only what \p Other knows too (the must-join); true
/// when \p Into lost something.
bool intersect(PathFacts::State &Into, const PathFacts::State &Other) {
  bool Changed = false;
  llvm::SmallVector<const VarDecl *, 8> Drop;
  for (auto &[VD, Bits] : Into.Bits) {
    unsigned Kept = Bits & Other.Bits.lookup(VD);
    Changed |= Kept != Bits;
    Bits = Kept;
    if (!Bits)
      Drop.push_back(VD);
  }
  for (const VarDecl *VD : Drop)
    Into.Bits.erase(VD);
  Drop.clear();
  for (auto &[VD, Index] : Into.Index) {
    auto It = Other.Index.find(VD);
    if (It == Other.Index.end() || It->second != Index)
      Drop.push_back(VD);
  }
  for (const VarDecl *VD : Drop)
    Into.Index.erase(VD);
  size_t Dropped = Drop.size();
  Drop.clear();
  for (auto &[VD, Operand] : Into.Awaited)
    if (Other.Awaited.lookup(VD) != Operand)
      Drop.push_back(VD);
  for (const VarDecl *VD : Drop)
    Into.Awaited.erase(VD);
  return Changed || Dropped || !Drop.empty();
}

const Stmt *stmtOf(const CFGElement &Element) {
  auto StmtElement = Element.getAs<CFGStmt>();
  return StmtElement ? StmtElement->getStmt() : nullptr;
}

} // namespace

bool isAssignedIn(const VarDecl &Var, const OwnStmts &Own) {
  // What may change a variable has one answer; an overwrite the transfer
  // sees (Transfer::stmt) is among those it counts.
  return isAssignedIn(Own.body(), Var);
}

PathFacts::PathFacts(const FunctionDecl &FD, const CFG *FunctionGraph,
                     const OwnStmts &Own, const ReadinessKnowledge &K,
                     ASTContext &Ctx)
    : K(K), Ctx(Ctx) {
  const Stmt *Body = getUserBody(FD);
  if (!Body || FD.isDependentContext() || !FunctionGraph)
    return;
  Graph = FunctionGraph;
  collectLocals(Own);
  classifyMentions(Own);
  Transfer T(*this, Ctx);
  for (const Stmt *S : Own.all())
    if (const auto *For = dyn_cast<ForStmt>(S))
      if (std::optional<DrainingAwait> D = drainingAwait(*For, Ctx))
        if (const CXXConstructExpr *Any =
                T.combinatorOver(D->Operand, K.AnyReadyCombinators);
            Any && Any->getNumArgs() == D->Count)
          Drains[For->getCond()] = Any;
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      if (const Stmt *S = stmtOf(Element))
        Where.try_emplace(S, Block, Index);
      ++Index;
    }
  }
  solve();
}

void PathFacts::collectLocals(const OwnStmts &Own) {
  Own.forEach(Own.body(), [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S))
      if (const VarDecl *Loop = Range->getLoopVariable())
        RangeOf[Loop] = Range->getRangeInit();
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
            !VD->getType()->isReferenceType() &&
            (isTaskType(VD->getType()) || isAwaitableType(VD->getType()) ||
             K.HandleTypes.matches(canonicalTypeName(VD->getType()))))
          Handles.insert(VD);
  });
}

void PathFacts::classifyMentions(const OwnStmts &Own) {
  auto HandleRef = [&](const Expr *E, Wrappers W) -> const DeclRefExpr * {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, W));
    return Ref && Handles.contains(dyn_cast<VarDecl>(Ref->getDecl())) ? Ref
                                                                      : nullptr;
  };
  // Which mentions of a handle are not uses of its value.
  Own.forEach(Own.body(), [&](const Stmt &S) {
    if (auto [Target, Value] = assignment(S); Target) {
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
        AssignTargets.insert(Ref);
      if (const DeclRefExpr *Source = HandleRef(Value, Wrappers::Object))
        Sources.insert(Source);
    }
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && Handles.contains(VD))
          if (const DeclRefExpr *Source =
                  HandleRef(VD->getInit(), Wrappers::Object))
            Sources.insert(Source);
    // A const member that answers something other than a task only
    // observes a handle of work still to start (`bool(t)`, `t.done()`): it
    // does not use its coroutine. On a handle of a result (an eager task, an
    // awaitable no coroutine returns) it reads the result (`p.get()`); a
    // type listed as a task whose promise is not visible is work.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (Method && Method->isConst() && !isTaskType(Member->getType()) &&
        !isAwaitableType(Member->getType()))
      if (const DeclRefExpr *Ref = HandleRef(
              Member->getImplicitObjectArgument(), Wrappers::Condition))
        if (QualType T = Ref->getDecl()->getType();
            !isResultHandle(T) ||
            (!isTaskType(T) && K.HandleTypes.matches(canonicalTypeName(T))))
          Observers.insert(Ref);
  });
  Own.forEach(Own.body(), [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && !AssignTargets.contains(Ref) && !Observers.contains(Ref))
      if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
          VD && Handles.contains(VD))
        Read.insert(VD);
  });
}

/// What holds on the edge from \p Pred to its successor number \p Succ,
/// given \p Out at the end of \p Pred: what the branch taken tells.
PathFacts::State PathFacts::edgeState(Transfer &T, const CFGBlock &Pred,
                                      unsigned Succ, const State &Out) {
  State S = Out;
  const Stmt *Term = Pred.getTerminatorStmt();
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Term)) {
    const CFGBlock *Target = *(Pred.succ_begin() + Succ);
    if (const auto *Case =
            dyn_cast_or_null<CaseStmt>(Target ? Target->getLabel() : nullptr))
      T.switchCase(Switch->getCond(), Case->getLHS(), S);
    return S;
  }
  if (Succ < 2 && builtSuccessors(Pred) == 2)
    if (const auto *Cond =
            dyn_cast_or_null<Expr>(Pred.getTerminatorCondition()))
      T.condition(Cond, Succ == 0, S);
  return S;
}

void PathFacts::solve() {
  Transfer T(*this, Ctx);
  std::vector<std::optional<State>> Fixed = runForward(
      *Graph, State(),
      [&](const CFGBlock &Block, State &S) {
        for (const CFGElement &Element : Block)
          T.element(Element, S, nullptr);
      },
      [&](const CFGBlock &Pred, unsigned Succ, State &S) {
        S = edgeState(T, Pred, Succ, S);
      },
      intersect);
  for (unsigned ID = 0; ID < Fixed.size(); ++ID)
    if (Fixed[ID])
      In.try_emplace(ID, std::move(*Fixed[ID]));
}

PathFacts::~PathFacts() = default;

bool PathFacts::listed(const FunctionDecl *Callee,
                       const NameMatcher &List) const {
  if (!Callee || List.empty())
    return false;
  auto [It, New] = Listed.try_emplace({Callee, &List}, false);
  if (New)
    It->second = List.matches(canonicalName(*Callee));
  return It->second;
}

unsigned PathFacts::factsAt(const Expr *Object, const Stmt *At) const {
  if (!Graph || !Object || !At)
    return 0;
  auto W = Where.find(At);
  if (W == Where.end())
    return 0;
  auto [Block, Index] = W->second;
  auto InIt = In.find(Block->getBlockID());
  if (InIt == In.end())
    return 0;
  State S = InIt->second;
  Transfer T(*this, Ctx);
  unsigned I = 0;
  for (const CFGElement &Element : *Block) {
    if (I++ == Index)
      break;
    T.element(Element, S, nullptr);
  }
  return T.factsOf(Object, S);
}

const VarDecl *PathFacts::containerOf(const Expr *E) const {
  E = strip(E, Wrappers::Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *Loop = dyn_cast<VarDecl>(Ref->getDecl());
    auto It = Loop ? RangeOf.find(Loop) : RangeOf.end();
    return It != RangeOf.end() ? varOf(It->second) : nullptr;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  if (!Call)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return varOf(Op->getArg(0));
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      Member && Callee && Callee->getIdentifier() &&
      llvm::is_contained({"at", "front", "back"}, Callee->getName()))
    return varOf(Member->getImplicitObjectArgument());
  if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "get" && Call->getNumArgs() == 1)
    return varOf(Call->getArg(0));
  return nullptr;
}

std::vector<UnusedValueLoss>
PathFacts::unusedValueLosses(llvm::ArrayRef<const VarDecl *> Vars) const {
  std::vector<UnusedValueLoss> All, Losses;
  if (!Graph)
    return Losses;
  Transfer T(*this, Ctx);
  // One pass over the fixed point records each loss once.
  for (const CFGBlock *Block : *Graph) {
    auto InIt = In.find(Block->getBlockID());
    if (InIt == In.end())
      continue;
    State S = InIt->second;
    for (const CFGElement &Element : *Block)
      T.element(Element, S, &All);
  }
  for (const UnusedValueLoss &L : All)
    if (llvm::is_contained(Vars, L.Var))
      Losses.push_back(L);
  return Losses;
}

} // namespace clang::tidy::async::model
