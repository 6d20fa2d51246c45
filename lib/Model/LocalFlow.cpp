//===--- LocalFlow.cpp - async-lint ---------------------------------------===//

#include "LocalFlow.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "PathFacts.h"
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

/// The CFG of \p Body, every expression its own element so that each
/// mention is seen; with \p Lifetimes, the ends of local lifetimes too.
std::unique_ptr<CFG> buildBodyCFG(const Decl &Function, const Stmt *Body,
                                  ASTContext &Ctx, bool Lifetimes = false) {
  if (!Body)
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddLifetime = Lifetimes;
  Options.AddInitializers = false;
  Options.setAllAlwaysAdd();
  return CFG::buildCFG(&Function, const_cast<Stmt *>(Body), &Ctx, Options);
}

/// The statement of \p Element, if it is one.
const Stmt *stmtOf(const CFGElement &Element) {
  auto StmtElement = Element.getAs<CFGStmt>();
  return StmtElement ? StmtElement->getStmt() : nullptr;
}

/// The suspension point \p Element is, when it can suspend.
const CoroutineSuspendExpr *suspensionAt(const CFGElement &Element,
                                         const NameMatcher *NonSuspending) {
  const auto *Suspend = dyn_cast_or_null<CoroutineSuspendExpr>(stmtOf(Element));
  return Suspend && canSuspend(*Suspend, NonSuspending) ? Suspend : nullptr;
}

/// Calls \p Fn with the block and the index just past each element of
/// \p Graph whose statement is \p S.
void forEachElementOf(const CFG &Graph, const Stmt *S,
                      llvm::function_ref<void(const CFGBlock &, unsigned)> Fn) {
  for (const CFGBlock *Block : Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      ++Index;
      if (stmtOf(Element) == S)
        Fn(*Block, Index);
    }
  }
}

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

/// The value assigned by an assignment, when \p S is one.
const Expr *assignedValue(const Stmt &S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(&S);
      BO && BO->getOpcode() == BO_Assign)
    return BO->getRHS();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return Op->getArg(1);
  return nullptr;
}

/// True when \p Init makes an object that holds no value: no initialiser, a
/// default constructor, or empty braces (`task<> t;`, `task<> t{};`).
bool makesEmptyObject(const Expr *Init) {
  if (!Init)
    return true;
  Init = Init->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(Init))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    return Construct->getNumArgs() == 0 ||
           (Construct->getNumArgs() == 1 &&
            isa<CXXDefaultArgExpr>(Construct->getArg(0)));
  return isa<CXXScalarValueInitExpr>(Init);
}

class Analysis {
public:
  Analysis(ArrayRef<const VarDecl *> Vars, const Stmt *Body) {
    for (unsigned I = 0; I < Vars.size(); ++I)
      Index[Vars[I]] = I;
    this->Vars = Vars;
    // Assignment targets are not uses of the old value; a tracked variable
    // whose value is moved or copied into another hands its state on.
    forEachOwnStmt(Body, [&](const Stmt &S) {
      if (const DeclRefExpr *Ref = assignedVariable(S)) {
        AssignTargets.insert(Ref);
        noteSource(assignedValue(S));
      }
      if (const auto *DS = dyn_cast<DeclStmt>(&S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && Index.count(VD))
            noteSource(VD->getInit());
    });
  }

  /// The tracked variable whose value \p Value is, when it is one.
  const DeclRefExpr *trackedSource(const Expr *Value) const {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripToObject(Value));
    return Ref && Index.count(dyn_cast<VarDecl>(Ref->getDecl())) ? Ref
                                                                 : nullptr;
  }

  void noteSource(const Expr *Value) {
    if (const DeclRefExpr *Ref = trackedSource(Value))
      Sources.insert(Ref);
  }

  /// Whether assigning or initialising with \p Value gives a value to lose.
  bool holdsValue(const Expr *Value, llvm::BitVector &State) const {
    if (makesEmptyObject(Value))
      return false;
    const DeclRefExpr *Source = trackedSource(Value);
    if (!Source)
      return true;
    unsigned From = Index.lookup(cast<VarDecl>(Source->getDecl()));
    bool Held = State[From];
    State.reset(From);
    return Held;
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
          State[It->second] = holdsValue(cast<VarDecl>(D)->getInit(), State);
      return;
    }
    if (const DeclRefExpr *Target = assignedVariable(*S)) {
      auto It = Index.find(dyn_cast<VarDecl>(Target->getDecl()));
      bool Held = holdsValue(assignedValue(*S), State);
      if (It == Index.end())
        return;
      if (State[It->second] && Record)
        Losses.push_back({Vars[It->second], S->getBeginLoc(), true});
      State[It->second] = Held;
      return;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (AssignTargets.contains(Ref) || Sources.contains(Ref))
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
  /// Mentions that hand a tracked variable's value to another.
  llvm::DenseSet<const DeclRefExpr *> Sources;
  std::vector<UnusedValueLoss> Losses;
};

/// Walks \p Graph forward from each (block, first element) of \p Starts and
/// returns the first statement, in source order, that satisfies \p IsUse and
/// is reached after passing a suspension point that can suspend.
LateUse
walkPastSuspensions(const CFG &Graph,
                    ArrayRef<std::pair<const CFGBlock *, unsigned>> Starts,
                    llvm::function_ref<bool(const Stmt &)> IsUse,
                    const NameMatcher *NonSuspending, const SourceManager &SM) {
  struct State {
    const CFGBlock *Block;
    unsigned Index;
    const CoroutineSuspendExpr *Suspended;
  };
  std::deque<State> Work;
  for (const auto &[Block, Index] : Starts)
    Work.push_back({Block, Index, nullptr});
  // Blocks entered before and after a suspension.
  std::vector<bool> Seen[2] = {std::vector<bool>(Graph.getNumBlockIDs()),
                               std::vector<bool>(Graph.getNumBlockIDs())};
  LateUse First;
  while (!Work.empty()) {
    State S = Work.front();
    Work.pop_front();
    const CoroutineSuspendExpr *Suspended = S.Suspended;
    unsigned Index = 0;
    for (const CFGElement &Element : *S.Block) {
      if (Index++ < S.Index)
        continue;
      const Stmt *Current = stmtOf(Element);
      if (!Current)
        continue;
      if (!Suspended) {
        Suspended = suspensionAt(Element, NonSuspending);
        continue;
      }
      if (IsUse(*Current) &&
          (!First.Use || SM.isBeforeInTranslationUnit(
                             Current->getBeginLoc(), First.Use->getBeginLoc())))
        First = {Current, Suspended};
    }
    std::vector<bool> &Visited = Seen[Suspended ? 1 : 0];
    for (const CFGBlock *Succ : S.Block->succs()) {
      if (!Succ || Visited[Succ->getBlockID()])
        continue;
      Visited[Succ->getBlockID()] = true;
      Work.push_back({Succ, 0, Suspended});
    }
  }
  return First;
}

} // namespace

std::vector<UnusedValueLoss>
findUnusedValueLosses(const Decl &Function, const Stmt *Body, ASTContext &Ctx,
                      ArrayRef<const VarDecl *> Vars) {
  if (!Body || Vars.empty())
    return {};
  std::unique_ptr<CFG> Graph =
      buildBodyCFG(Function, Body, Ctx, /*Lifetimes=*/true);
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
  std::unique_ptr<CFG> Graph = buildBodyCFG(Coro, Body, Ctx);
  if (!Graph)
    return nullptr;
  return walkPastSuspensions(*Graph, {{&Graph->getEntry(), 0}}, IsUse,
                             NonSuspending, SM)
      .Use;
}

LateUse firstUseAcrossSuspension(const FunctionDecl &Coro, ASTContext &Ctx,
                                 const Stmt *From,
                                 llvm::function_ref<bool(const Stmt &)> IsUse,
                                 const NameMatcher *NonSuspending) {
  std::unique_ptr<CFG> Graph =
      From ? buildBodyCFG(Coro, getUserBody(Coro), Ctx) : nullptr;
  if (!Graph)
    return {};
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 2> Starts;
  forEachElementOf(*Graph, From, [&](const CFGBlock &Block, unsigned Index) {
    Starts.push_back({&Block, Index});
  });
  return walkPastSuspensions(*Graph, Starts, IsUse, NonSuspending,
                             Ctx.getSourceManager());
}

bool repeatsWithoutSuspending(const FunctionDecl &Function, ASTContext &Ctx,
                              const Stmt *From,
                              const NameMatcher *NonSuspending) {
  const Stmt *Body = getUserBody(Function);
  if (!Body || !From)
    return false;
  std::unique_ptr<CFG> Graph = buildBodyCFG(Function, Body, Ctx);
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
      if (stmtOf(Element) == From)
        return true;
      if (suspensionAt(Element, NonSuspending))
        return false;
    }
    return std::nullopt;
  };
  std::vector<bool> Seen(Graph->getNumBlockIDs(), false);
  std::deque<const CFGBlock *> Work;
  std::optional<bool> Direct;
  forEachElementOf(*Graph, From, [&](const CFGBlock &Block, unsigned Index) {
    std::optional<bool> Rest = Scan(Block, Index);
    if (Rest) {
      Direct = Direct.value_or(false) || *Rest;
      return;
    }
    for (const CFGBlock *Succ : Block.succs())
      if (Succ)
        Work.push_back(Succ);
  });
  if (Direct.value_or(false))
    return true;
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
