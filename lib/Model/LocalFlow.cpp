//===--- LocalFlow.cpp - async-lint ---------------------------------------===//

#include "LocalFlow.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "ForwardRunner.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
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

/// What reaches a point on the walk from the start: some path on which the
/// function has not suspended since, and the suspension point some path
/// has passed (the first to arrive); neither on a path cut by an end.
struct Reach {
  bool Before = false;
  const CoroutineSuspendExpr *After = nullptr;
};

/// The may-join: reached when either side reaches.
bool joinReach(Reach &Into, const Reach &From) {
  bool Changed = false;
  if (From.Before && !Into.Before)
    Into.Before = Changed = true;
  if (From.After && !Into.After) {
    Into.After = From.After;
    Changed = true;
  }
  return Changed;
}

/// Scans \p Block from element \p Start under \p R and returns what reaches
/// its end; calls \p Visit, when given, with each statement reached after a
/// suspension and that suspension. A statement satisfying \p Ends cuts
/// every path through it; a suspension point ends the paths before one.
Reach scanBlock(
    const CFGBlock &Block, unsigned Start, Reach R,
    const NameMatcher *NonSuspending,
    llvm::function_ref<bool(const Stmt &)> Ends,
    llvm::function_ref<void(const Stmt &, const CoroutineSuspendExpr *)>
        Visit) {
  const CoroutineSuspendExpr *Inner = nullptr;
  unsigned Index = 0;
  for (const CFGElement &Element : Block) {
    if (Index++ < Start)
      continue;
    const Stmt *Current = stmtOf(Element);
    if (!Current)
      continue;
    if (Ends && Ends(*Current))
      return {};
    if (const CoroutineSuspendExpr *Late = R.After ? R.After : Inner;
        Late && Visit)
      Visit(*Current, Late);
    if (R.Before && !Inner)
      if ((Inner = suspensionAt(Element, NonSuspending)))
        R.Before = false;
  }
  if (!R.After)
    R.After = Inner;
  return R;
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
  // The rest of each start block, then its successors, on the runner.
  std::vector<std::pair<const CFGBlock *, Reach>> Seeds;
  for (const auto &[Block, Index] : Starts) {
    Reach Out =
        scanBlock(*Block, Index, {true, nullptr}, NonSuspending, Ends, nullptr);
    for (const CFGBlock *Succ : Block->succs())
      Seeds.push_back({Succ, Out});
  }
  std::vector<std::optional<Reach>> In = runForwardFrom<Reach>(
      Graph, Seeds,
      [&](const CFGBlock &Block, Reach &R) {
        R = scanBlock(Block, 0, R, NonSuspending, Ends, nullptr);
      },
      NoEdgeTransfer(), joinReach);
  // One pass over what the fixed point reaches asks IsUse once per visit.
  LateUse First;
  auto Consider = [&](const Stmt &Current, const CoroutineSuspendExpr *Late) {
    if (IsUse(Current) &&
        (!First.Use || SM.isBeforeInTranslationUnit(Current.getBeginLoc(),
                                                    First.Use->getBeginLoc())))
      First = {&Current, Late};
  };
  // A call reached late reads its object and its reference arguments when
  // it runs, after its arguments: `b.f(co_await x)` uses b after suspending
  // although the graph evaluates b first.
  auto Visit = [&](const Stmt &Current, const CoroutineSuspendExpr *Late) {
    Consider(Current, Late);
    forEachReadAtCall(Current, [&](const Expr &Read) { Consider(Read, Late); });
  };
  for (const auto &[Block, Index] : Starts)
    scanBlock(*Block, Index, {true, nullptr}, NonSuspending, Ends, Visit);
  for (const CFGBlock *Block : Graph)
    if (const std::optional<Reach> &R = In[Block->getBlockID()])
      scanBlock(*Block, 0, *R, NonSuspending, Ends, Visit);
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
  // A reachability on the runner: a block's state is whether a path from
  // From that has not suspended nor met From again runs into it.
  std::vector<std::pair<const CFGBlock *, bool>> Seeds;
  bool Direct = false;
  forEachElementOf(Graph, From, [&](const CFGBlock &Block, unsigned Index) {
    std::optional<bool> Rest = Scan(Block, Index);
    Direct |= Rest.value_or(false);
    if (!Rest)
      for (const CFGBlock *Succ : Block.succs())
        Seeds.push_back({Succ, true});
  });
  if (Direct)
    return true;
  std::vector<std::optional<bool>> In = runForwardFrom<bool>(
      Graph, Seeds,
      [&](const CFGBlock &Block, bool &Runs) {
        Runs = Runs && !Scan(Block, 0);
      },
      NoEdgeTransfer(),
      [](bool &Into, bool From) {
        bool Changed = From && !Into;
        Into |= From;
        return Changed;
      });
  for (const CFGBlock *Block : Graph)
    if (In[Block->getBlockID()].value_or(false) &&
        Scan(*Block, 0).value_or(false))
      return true;
  return false;
}

} // namespace clang::tidy::async::model
