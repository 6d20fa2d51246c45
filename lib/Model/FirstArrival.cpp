//===--- FirstArrival.cpp - async-lint ------------------------------------===//

#include "FirstArrival.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang::tidy::async::model {

namespace {

const Stmt *stmtOf(const CFGElement &Element) {
  auto S = Element.getAs<CFGStmt>();
  return S ? S->getStmt() : nullptr;
}

/// Walks \p Graph forward from \p Block's element numbered \p Index; calls
/// \p Visit with each statement met and its block, and stops a path where
/// it returns true.
/// Each block is entered from its start at most once.
template <typename VisitFn>
void walk(const CFG &Graph, const CFGBlock &Block, unsigned Index,
          VisitFn Visit) {
  std::vector<bool> Seen(Graph.getNumBlockIDs(), false);
  std::vector<std::pair<const CFGBlock *, unsigned>> Work{{&Block, Index}};
  while (!Work.empty()) {
    auto [Current, Start] = Work.back();
    Work.pop_back();
    bool Stopped = false;
    unsigned I = 0;
    for (const CFGElement &Element : *Current) {
      if (I++ < Start)
        continue;
      const Stmt *S = stmtOf(Element);
      if (S && Visit(*S, *Current)) {
        Stopped = true;
        break;
      }
    }
    if (Stopped)
      continue;
    for (const CFGBlock *Succ : Current->succs())
      if (Succ && !Seen[Succ->getBlockID()]) {
        Seen[Succ->getBlockID()] = true;
        Work.push_back({Succ, 0});
      }
  }
}

/// Adds \p Root and every statement under it to \p To.
void addParts(const Stmt *Root, llvm::DenseSet<const Stmt *> &To) {
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  while (!Work.empty())
    if (const Stmt *Part = Work.pop_back_val(); Part && To.insert(Part).second)
      llvm::append_range(Work, Part->children());
}

} // namespace

FirstArrival firstArrival(const CFG &Graph, const Stmt &Stop) {
  FirstArrival Result;
  // The statements met before Stop, and Stop's block.
  llvm::SmallVector<std::pair<const Stmt *, const CFGBlock *>, 32> Met;
  const CFGBlock *StopBlock = nullptr;
  walk(Graph, Graph.getEntry(), 0, [&](const Stmt &S, const CFGBlock &Block) {
    if (&S == &Stop) {
      StopBlock = &Block;
      return true;
    }
    Met.push_back({&S, &Block});
    return false;
  });
  if (!StopBlock)
    return Result;
  Result.Reached = true;
  // Only what runs on a path that goes on to Stop runs before it: not a
  // branch that leaves without reaching it.
  std::vector<bool> LeadsToStop(Graph.getNumBlockIDs(), false);
  std::vector<const CFGBlock *> Work{StopBlock};
  LeadsToStop[StopBlock->getBlockID()] = true;
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    for (const CFGBlock *Pred : Block->preds())
      if (Pred && !LeadsToStop[Pred->getBlockID()]) {
        LeadsToStop[Pred->getBlockID()] = true;
        Work.push_back(Pred);
      }
  }
  for (const auto &[S, Block] : Met)
    if (LeadsToStop[Block->getBlockID()])
      Result.Before.insert(S);
  return Result;
}

bool alwaysArrives(const CFG &Graph, const Stmt &Stop) {
  // Paths end at Stop; the exit block reached by a path that went round it
  // is a way to leave without passing it.
  bool Arrived = false;
  std::vector<bool> Seen(Graph.getNumBlockIDs(), false);
  std::vector<const CFGBlock *> Work{&Graph.getEntry()};
  Seen[Graph.getEntry().getBlockID()] = true;
  while (!Work.empty()) {
    const CFGBlock *Block = Work.back();
    Work.pop_back();
    if (Block == &Graph.getExit())
      return false;
    if (llvm::any_of(*Block,
                     [&](const CFGElement &E) { return stmtOf(E) == &Stop; })) {
      Arrived = true;
      continue;
    }
    for (const CFGBlock *Succ : Block->succs())
      if (Succ && !Seen[Succ->getBlockID()]) {
        Seen[Succ->getBlockID()] = true;
        Work.push_back(Succ);
      }
  }
  return Arrived;
}

bool passesFirst(const CFG &Graph, const Stmt &Through, const Stmt &To) {
  bool Reached = false;
  walk(Graph, Graph.getEntry(), 0, [&](const Stmt &S, const CFGBlock &) {
    Reached |= &S == &To;
    return &S == &Through || &S == &To;
  });
  return !Reached;
}

bool mayRunAfter(const CFG &Graph, const Stmt &From, const Stmt &To) {
  bool Found = false;
  for (const CFGBlock *Block : Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block) {
      ++Index;
      if (stmtOf(Element) != &From)
        continue;
      walk(Graph, *Block, Index, [&](const Stmt &S, const CFGBlock &) {
        Found |= &S == &To;
        return Found;
      });
    }
  }
  return Found;
}

bool nothingRunsAfter(const CFG &Graph, const Stmt &S) {
  // What may follow without running code: S's own parts (a temporary bound
  // after its value) and the parts of a return or co_return without a value.
  llvm::DenseSet<const Stmt *> Own, Quiet;
  addParts(&S, Own);
  Quiet = Own;
  for (const CFGBlock *Block : Graph)
    for (const CFGElement &Element : *Block) {
      const Stmt *Part = stmtOf(Element);
      if (const auto *Return = dyn_cast_or_null<CoreturnStmt>(Part);
          Return && !Return->getOperand()) {
        Quiet.insert(Return);
        addParts(Return->getPromiseCall(), Quiet);
      }
      if (const auto *Return = dyn_cast_or_null<ReturnStmt>(Part);
          Return && !Return->getRetValue())
        Quiet.insert(Return);
    }
  // Each block that holds a part of S is walked from after its last part.
  bool Found = false, Runs = false;
  for (const CFGBlock *Block : Graph) {
    unsigned Index = 0, Last = 0;
    for (const CFGElement &Element : *Block)
      if (++Index; Own.contains(stmtOf(Element)))
        Last = Index;
    if (Last == 0 || Runs)
      continue;
    Found = true;
    walk(Graph, *Block, Last, [&](const Stmt &Next, const CFGBlock &) {
      Runs |= !Quiet.contains(&Next);
      return Runs;
    });
  }
  return Found && !Runs;
}

void walkAfter(const CFG &Graph, const Stmt &S,
               llvm::function_ref<bool(const Stmt &)> StopPath) {
  llvm::DenseSet<const Stmt *> Own;
  addParts(&S, Own);
  for (const CFGBlock *Block : Graph) {
    unsigned Index = 0, Last = 0;
    for (const CFGElement &Element : *Block)
      if (++Index; Own.contains(stmtOf(Element)))
        Last = Index;
    if (Last != 0)
      walk(Graph, *Block, Last, [&](const Stmt &Next, const CFGBlock &) {
        return !Own.contains(&Next) && StopPath(Next);
      });
  }
}

} // namespace clang::tidy::async::model
