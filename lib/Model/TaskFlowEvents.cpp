//===--- TaskFlowEvents.cpp - async-lint ----------------------------------===//
//
// TaskFlow on the CFG: the uses the walk recorded (TaskFlow.cpp) become
// task-fate events of the CFG's elements, the analysis of
// TaskFateLattice.h runs on them, and a path search over the same events
// tells whether a local dies between a task's creation and its await.
//
//===----------------------------------------------------------------------===//

#include "Awaitables.h"
#include "TaskFlow.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

using UseKind = TaskFlow::Use::Kind;

/// The variable whose lifetime ends at \p Element, if it is such an end.
const VarDecl *diesAt(const CFGElement &Element) {
  if (auto End = Element.getAs<CFGLifetimeEnds>())
    return End->getVarDecl();
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
    return Dtor->getVarDecl();
  return nullptr;
}

/// Where the end at \p Element happens: the jump that leaves the scope
/// early (a return, a break), or else the end of the scope, \p ScopeEnd.
SourceLocation diesWhere(const CFGElement &Element, SourceLocation ScopeEnd) {
  const Stmt *Trigger = nullptr;
  if (auto End = Element.getAs<CFGLifetimeEnds>())
    Trigger = End->getTriggerStmt();
  else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
    Trigger = Dtor->getTriggerStmt();
  if (isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt,
                      GotoStmt>(Trigger))
    return Trigger->getBeginLoc();
  return ScopeEnd;
}

} // namespace

BlockEvents TaskFlow::eventsOf(const CFG &G) const {
  using K = TaskEvent::Kind;
  BlockEvents Out(G.getNumBlockIDs());
  for (const CFGBlock *Block : G) {
    llvm::SmallVector<TaskEvent, 4> &Into = Out[Block->getBlockID()];
    for (const CFGElement &Element : *Block) {
      if (const VarDecl *Var = diesAt(Element)) {
        Into.push_back({K::Death, Var, nullptr, nullptr,
                        diesWhere(Element, ScopeEnds.lookup(Var))});
        continue;
      }
      auto S = Element.getAs<CFGStmt>();
      if (!S)
        continue;
      // An initialisation stores when the declaration runs.
      if (const auto *DS = dyn_cast<DeclStmt>(S->getStmt()))
        for (const Decl *D : DS->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D);
              Var && ValuesOf.count(Var))
            Into.push_back({K::Store, Var, Var, nullptr, Var->getLocation()});
      const auto *E = dyn_cast<Expr>(S->getStmt());
      // An assignment or a push_back stores once it has run.
      if (auto Store = E ? StoresAt.find(E) : StoresAt.end();
          Store != StoresAt.end()) {
        const Use &U = *Store->second;
        Into.push_back({U.Replaces ? K::Store : K::Add, U.Holder, U.Store,
                        nullptr, U.Where});
      }
      auto It = E ? UseOf.find(E) : UseOf.end();
      if (It == UseOf.end())
        continue;
      const Use &U = Uses[It->second];
      // A mention of a local that may hold a task is seen by what it holds.
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
            Var && U.What != UseKind::Neutral && ValuesOf.count(Var))
          Into.push_back({K::Mention, Var, nullptr, E, U.Where});
    }
  }
  return Out;
}

void TaskFlow::solve(const FunctionDecl &FD, const CFG &G) {
  Graph = &G;
  TaskFateState Entry;
  for (const ParmVarDecl *Param : FD.parameters())
    if (isTaskType(Param->getType().getNonReferenceType())) {
      ValuesOf[Param].push_back(Param);
      Entry.Locals[Param] = {{Param}, {Param}};
    }
  for (const Use &U : Uses)
    if (U.What == UseKind::StoredLocal && U.Holder && U.Store) {
      llvm::SmallVector<TaskValue, 2> &Values = ValuesOf[U.Holder];
      if (!llvm::is_contained(Values, U.Store))
        Values.push_back(U.Store);
      // A store other than an initialisation is an expression of its own.
      if (U.Store != U.Holder)
        StoresAt.try_emplace(static_cast<const Expr *>(U.Store), &U);
    }
  // No local holds a task: nothing to follow (most functions).
  if (ValuesOf.empty())
    return;
  Events = eventsOf(G);
  Outcomes = solveTaskFates(G, Events, Entry, [&](const VarDecl *Var) {
    return ScopeEnds.lookup(Var);
  });
}

std::optional<bool> TaskFlow::diesBeforeAwait(const VarDecl *Var,
                                              const Expr *Call) const {
  auto It = UseOf.find(Call);
  if (!Graph || It == UseOf.end())
    return std::nullopt;
  const Use &Stored = Uses[It->second];
  if (Stored.What != UseKind::StoredLocal || !Stored.Store)
    return std::nullopt;
  // The awaits of the value, directly from the local it is stored in.
  llvm::SmallPtrSet<const Expr *, 4> Awaits;
  for (const Expr *Mention : Outcomes.lookup(Stored.Store).Mentions) {
    const Use &U = Uses[UseOf.find(Mention)->second];
    if (U.What == UseKind::StoredLocal)
      return std::nullopt;
    if (U.What == UseKind::Awaited)
      Awaits.insert(Mention);
  }
  if (Awaits.empty())
    return std::nullopt;
  // From each store of the value, forward over the events: a path ends at
  // an await, or where the holder drops the value (a lazy task that never
  // runs); it finds what it looks for at Var's death.
  using K = TaskEvent::Kind;
  llvm::SmallVector<std::pair<unsigned, unsigned>, 8> Work;
  for (const CFGBlock *Block : *Graph)
    for (unsigned I = 0; I < Events[Block->getBlockID()].size(); ++I)
      if (Events[Block->getBlockID()][I].Value == Stored.Store)
        Work.push_back({Block->getBlockID(), I + 1});
  llvm::DenseSet<unsigned> Entered;
  std::vector<const CFGBlock *> ById(Graph->getNumBlockIDs());
  for (const CFGBlock *Block : *Graph)
    ById[Block->getBlockID()] = Block;
  while (!Work.empty()) {
    auto [Id, From] = Work.pop_back_val();
    bool Ended = false;
    for (unsigned I = From; I < Events[Id].size() && !Ended; ++I) {
      const TaskEvent &E = Events[Id][I];
      if (E.What == K::Death && E.Var == Var)
        return true;
      Ended = (E.What == K::Mention && Awaits.contains(E.Mention)) ||
              (E.Var == Stored.Holder &&
               (E.What == K::Death ||
                (E.What == K::Store && E.Value != Stored.Store)));
    }
    if (Ended)
      continue;
    for (const CFGBlock *Succ : ById[Id]->succs())
      if (Succ && Entered.insert(Succ->getBlockID()).second)
        Work.push_back({Succ->getBlockID(), 0});
  }
  return false;
}

} // namespace clang::tidy::async::model
