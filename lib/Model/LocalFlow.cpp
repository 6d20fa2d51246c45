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

/// Walks \p Graph forward from each (block, first element) of \p Starts and
/// returns the first statement, in source order, that satisfies \p IsUse and
/// is reached after passing a suspension point that can suspend. A path
/// stops at a statement satisfying \p Ends (when given).
LateUse
walkPastSuspensions(const CFG &Graph,
                    ArrayRef<std::pair<const CFGBlock *, unsigned>> Starts,
                    llvm::function_ref<bool(const Stmt &)> IsUse,
                    const NameMatcher *NonSuspending, const SourceManager &SM,
                    llvm::function_ref<bool(const Stmt &)> Ends = {}) {
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
    bool Ended = false;
    for (const CFGElement &Element : *S.Block) {
      if (Index++ < S.Index)
        continue;
      const Stmt *Current = stmtOf(Element);
      if (!Current)
        continue;
      if (Ends && Ends(*Current)) {
        Ended = true;
        break;
      }
      if (!Suspended) {
        Suspended = suspensionAt(Element, NonSuspending);
        continue;
      }
      if (IsUse(*Current) &&
          (!First.Use || SM.isBeforeInTranslationUnit(
                             Current->getBeginLoc(), First.Use->getBeginLoc())))
        First = {Current, Suspended};
    }
    if (Ended)
      continue;
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

LateUse firstUseAfterEntry(const CFG &Graph,
                           llvm::function_ref<bool(const Stmt &)> IsUse,
                           const NameMatcher *NonSuspending,
                           const SourceManager &SM) {
  return walkPastSuspensions(Graph, {{&Graph.getEntry(), 0}}, IsUse,
                             NonSuspending, SM);
}

LateUse firstUseAcrossSuspension(const CFG &Graph, const Stmt *From,
                                 llvm::function_ref<bool(const Stmt &)> IsUse,
                                 const NameMatcher *NonSuspending,
                                 const SourceManager &SM,
                                 llvm::function_ref<bool(const Stmt &)> Ends) {
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 2> Starts;
  forEachElementOf(Graph, From, [&](const CFGBlock &Block, unsigned Index) {
    Starts.push_back({&Block, Index});
  });
  return walkPastSuspensions(Graph, Starts, IsUse, NonSuspending, SM, Ends);
}

bool repeatsWithoutSuspending(const CFG &Graph, const Stmt *From,
                              const NameMatcher *NonSuspending) {
  if (!From)
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
  std::vector<bool> Seen(Graph.getNumBlockIDs(), false);
  std::deque<const CFGBlock *> Work;
  std::optional<bool> Direct;
  forEachElementOf(Graph, From, [&](const CFGBlock &Block, unsigned Index) {
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
