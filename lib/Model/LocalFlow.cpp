//===--- LocalFlow.cpp - async-lint ---------------------------------------===//

#include "LocalFlow.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// The variable assigned by an assignment, when \p S is one.
const DeclRefExpr *assignedVariable(const Stmt &S) {
  const Expr *LHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(&S);
      BO && BO->getOpcode() == BO_Assign)
    LHS = BO->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    LHS = Op->getArg(0);
  if (!LHS)
    return nullptr;
  return dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
}

SourceLocation scopeEnd(const CFGLifetimeEnds &End) {
  const Stmt *Trigger = End.getTriggerStmt();
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Trigger))
    return Compound->getRBracLoc();
  return Trigger ? Trigger->getBeginLoc() : SourceLocation();
}

class Analysis {
public:
  Analysis(ArrayRef<const VarDecl *> Vars, const Stmt *Body) {
    for (unsigned I = 0; I < Vars.size(); ++I)
      Index[Vars[I]] = I;
    this->Vars = Vars;
    // Assignment targets are not uses of the old value.
    forEachOwnStmt(Body, [&](const Stmt &S) {
      if (const DeclRefExpr *Ref = assignedVariable(S))
        AssignTargets.insert(Ref);
    });
  }

  /// Applies one CFG element to \p State; records losses when \p Record.
  void transfer(const CFGElement &Element, llvm::BitVector &State,
                bool Record) {
    if (auto End = Element.getAs<CFGLifetimeEnds>()) {
      auto It = Index.find(End->getVarDecl());
      if (It == Index.end())
        return;
      if (State[It->second] && Record)
        Losses.push_back({End->getVarDecl(), scopeEnd(*End), false});
      State.reset(It->second);
      return;
    }
    auto StmtElement = Element.getAs<CFGStmt>();
    if (!StmtElement)
      return;
    const Stmt *S = StmtElement->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (auto It = Index.find(dyn_cast<VarDecl>(D)); It != Index.end())
          State.set(It->second);
      return;
    }
    if (const DeclRefExpr *Target = assignedVariable(*S)) {
      auto It = Index.find(dyn_cast<VarDecl>(Target->getDecl()));
      if (It == Index.end())
        return;
      if (State[It->second] && Record)
        Losses.push_back({Vars[It->second], S->getBeginLoc(), true});
      State.set(It->second);
      return;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (AssignTargets.contains(Ref))
        return;
      if (auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
          It != Index.end())
        State.reset(It->second);
    }
  }

  std::vector<UnusedValueLoss> run(const CFG &Graph) {
    unsigned N = Vars.size();
    std::vector<llvm::BitVector> Out(Graph.getNumBlockIDs(),
                                     llvm::BitVector(N));
    std::vector<bool> Seen(Graph.getNumBlockIDs(), false);
    std::deque<const CFGBlock *> Work{&Graph.getEntry()};
    auto In = [&](const CFGBlock &Block) {
      llvm::BitVector State(N);
      for (const CFGBlock *Pred : Block.preds())
        if (Pred)
          State |= Out[Pred->getBlockID()];
      return State;
    };
    while (!Work.empty()) {
      const CFGBlock *Block = Work.front();
      Work.pop_front();
      llvm::BitVector State = In(*Block);
      for (const CFGElement &Element : *Block)
        transfer(Element, State, /*Record=*/false);
      unsigned ID = Block->getBlockID();
      if (Seen[ID] && State == Out[ID])
        continue;
      Seen[ID] = true;
      Out[ID] = State;
      for (const CFGBlock *Succ : Block->succs())
        if (Succ)
          Work.push_back(Succ);
    }
    // One more pass on the fixed point records each loss once.
    for (const CFGBlock *Block : Graph) {
      if (!Seen[Block->getBlockID()])
        continue;
      llvm::BitVector State = In(*Block);
      for (const CFGElement &Element : *Block)
        transfer(Element, State, /*Record=*/true);
    }
    return std::move(Losses);
  }

private:
  ArrayRef<const VarDecl *> Vars;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  llvm::DenseSet<const DeclRefExpr *> AssignTargets;
  std::vector<UnusedValueLoss> Losses;
};

} // namespace

std::vector<UnusedValueLoss>
findUnusedValueLosses(const Decl &Function, const Stmt *Body, ASTContext &Ctx,
                      ArrayRef<const VarDecl *> Vars) {
  if (!Body || Vars.empty())
    return {};
  CFG::BuildOptions Options;
  Options.AddLifetime = true;
  Options.AddInitializers = false;
  // Every expression as its own element, so that each mention is seen.
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Function, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Graph)
    return {};
  return Analysis(Vars, Body).run(*Graph);
}

const Stmt *
firstUseAfterSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                        llvm::function_ref<bool(const Stmt &)> IsUse,
                        bool FromStart, const NameMatcher *NonSuspending) {
  const Stmt *Body = getUserBody(Coro);
  if (!Body)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *First = nullptr;
  auto Consider = [&](const Stmt &S) {
    if (IsUse(S) && (!First || SM.isBeforeInTranslationUnit(
                                   S.getBeginLoc(), First->getBeginLoc())))
      First = &S;
  };
  if (FromStart) {
    forEachOwnStmt(Body, Consider);
    return First;
  }
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Coro, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Graph)
    return nullptr;
  // Blocks that run after a suspension, entirely, and the blocks that
  // suspend, from the element after the suspension point on.
  std::vector<bool> After(Graph->getNumBlockIDs(), false);
  std::deque<const CFGBlock *> Work;
  for (const CFGBlock *Block : *Graph) {
    bool Suspended = false;
    for (const CFGElement &Element : *Block) {
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement)
        continue;
      if (Suspended) {
        Consider(*StmtElement->getStmt());
        continue;
      }
      const auto *Suspend =
          dyn_cast<CoroutineSuspendExpr>(StmtElement->getStmt());
      Suspended = Suspend && canSuspend(*Suspend, NonSuspending);
    }
    if (Suspended)
      for (const CFGBlock *Succ : Block->succs())
        if (Succ)
          Work.push_back(Succ);
  }
  while (!Work.empty()) {
    const CFGBlock *Block = Work.front();
    Work.pop_front();
    if (After[Block->getBlockID()])
      continue;
    After[Block->getBlockID()] = true;
    for (const CFGElement &Element : *Block)
      if (auto StmtElement = Element.getAs<CFGStmt>())
        Consider(*StmtElement->getStmt());
    for (const CFGBlock *Succ : Block->succs())
      if (Succ)
        Work.push_back(Succ);
  }
  return First;
}

LateUse firstUseAcrossSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                                 const Stmt *From,
                                 llvm::function_ref<bool(const Stmt &)> IsUse,
                                 const NameMatcher *NonSuspending) {
  const Stmt *Body = getUserBody(Coro);
  if (!Body || !From)
    return {};
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Coro, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Graph)
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  LateUse First;
  // A walk over (block, first element, suspended yet?) states.
  struct State {
    const CFGBlock *Block;
    unsigned Index;
    const CoroutineSuspendExpr *Suspended;
  };
  std::deque<State> Work;
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      ++Index;
      auto StmtElement = Element.getAs<CFGStmt>();
      if (StmtElement && StmtElement->getStmt() == From)
        Work.push_back({Block, Index, nullptr});
    }
  }
  std::vector<bool> Seen[2] = {std::vector<bool>(Graph->getNumBlockIDs()),
                               std::vector<bool>(Graph->getNumBlockIDs())};
  while (!Work.empty()) {
    State S = Work.front();
    Work.pop_front();
    const CoroutineSuspendExpr *Suspended = S.Suspended;
    unsigned Index = 0;
    for (const CFGElement &Element : *S.Block) {
      if (Index++ < S.Index)
        continue;
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement)
        continue;
      const Stmt *Current = StmtElement->getStmt();
      if (Suspended) {
        if (IsUse(*Current) && (!First.Use || SM.isBeforeInTranslationUnit(
                                                  Current->getBeginLoc(),
                                                  First.Use->getBeginLoc())))
          First = {Current, Suspended};
        continue;
      }
      const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(Current);
      if (Suspend && canSuspend(*Suspend, NonSuspending))
        Suspended = Suspend;
    }
    for (const CFGBlock *Succ : S.Block->succs()) {
      if (!Succ)
        continue;
      std::vector<bool> &Visited = Seen[Suspended ? 1 : 0];
      if (Visited[Succ->getBlockID()])
        continue;
      Visited[Succ->getBlockID()] = true;
      Work.push_back({Succ, 0, Suspended});
    }
  }
  return First;
}

bool repeatsWithoutSuspending(const FunctionDecl &Function, ASTContext &Ctx,
                              const Stmt *From,
                              const NameMatcher *NonSuspending) {
  const Stmt *Body = getUserBody(Function);
  if (!Body || !From)
    return false;
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&Function, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!Graph)
    return false;
  // Scans a block from element Start; true when it reaches From again,
  // false when it suspends first, nullopt when it runs off its end.
  auto Scan = [&](const CFGBlock &Block,
                  unsigned Start) -> std::optional<bool> {
    unsigned Index = 0;
    for (const CFGElement &Element : Block) {
      if (Index++ < Start)
        continue;
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement)
        continue;
      const Stmt *Current = StmtElement->getStmt();
      if (Current == From)
        return true;
      const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(Current);
      if (Suspend && canSuspend(*Suspend, NonSuspending))
        return false;
    }
    return std::nullopt;
  };
  std::vector<bool> Seen(Graph->getNumBlockIDs(), false);
  std::deque<const CFGBlock *> Work;
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      ++Index;
      auto StmtElement = Element.getAs<CFGStmt>();
      if (!StmtElement || StmtElement->getStmt() != From)
        continue;
      std::optional<bool> Rest = Scan(*Block, Index);
      if (Rest)
        return *Rest;
      for (const CFGBlock *Succ : Block->succs())
        if (Succ)
          Work.push_back(Succ);
    }
  }
  while (!Work.empty()) {
    const CFGBlock *Block = Work.front();
    Work.pop_front();
    if (Seen[Block->getBlockID()])
      continue;
    Seen[Block->getBlockID()] = true;
    std::optional<bool> Result = Scan(*Block, 0);
    if (Result && *Result)
      return true;
    if (Result)
      continue;
    for (const CFGBlock *Succ : Block->succs())
      if (Succ)
        Work.push_back(Succ);
  }
  return false;
}

} // namespace clang::tidy::async::model
