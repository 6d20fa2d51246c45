//===--- ForwardRunner.h - async-lint ---------------------------*- C++ -*-===//
//
// One forward worklist runner for the model's dataflow analyses on a
// function's CFG: blocks are visited in reverse post order (Clang's
// ForwardDataflowWorklist), a block's entry state is the join of what its
// predecessors hand it, and a block is visited again only when that state
// grows. The analysis brings its state, its join and its block transfer,
// and, when a branch tells something, its edge transfer.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FORWARDRUNNER_H
#define ASYNC_LINT_MODEL_FORWARDRUNNER_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace clang::tidy::async::model {

/// The edge transfer of an analysis that learns nothing from branches.
struct NoEdgeTransfer {
  template <typename State>
  void operator()(const CFGBlock &, unsigned, State &) const {}
};

/// The entry state of every block of \p Graph at the fixed point, by block
/// id, when the walk starts at each of \p Seeds (a block and its entry
/// state); none for a block no seed reaches (the lattice's bottom).
/// \p Transfer(Block, State) turns a block's entry state into its exit
/// state; \p Edge(Block, SuccIndex, State) turns that exit state into what
/// the edge to successor number SuccIndex hands on (a branch condition
/// taken or not, a switch case); \p Join(Into, From) joins \p From into
/// \p Into and returns true when \p Into changed. All must be monotone for
/// the run to end.
template <typename State, typename TransferFn, typename EdgeFn, typename JoinFn>
std::vector<std::optional<State>>
runForwardFrom(const CFG &Graph,
               llvm::ArrayRef<std::pair<const CFGBlock *, State>> Seeds,
               TransferFn Transfer, EdgeFn Edge, JoinFn Join) {
  std::vector<std::optional<State>> In(Graph.getNumBlockIDs());
  PostOrderCFGView Order(&Graph);
  ForwardDataflowWorklist Work(Graph, &Order);
  // Hands \p Out to \p Block; queues it when its entry state grew.
  auto Arrive = [&](const CFGBlock &Block, const State &Out) {
    std::optional<State> &BlockIn = In[Block.getBlockID()];
    if (!BlockIn) {
      BlockIn = Out;
      Work.enqueueBlock(&Block);
    } else if (Join(*BlockIn, Out)) {
      Work.enqueueBlock(&Block);
    }
  };
  for (const auto &[Block, Entry] : Seeds)
    if (Block)
      Arrive(*Block, Entry);
  while (const CFGBlock *Block = Work.dequeue()) {
    State Out = *In[Block->getBlockID()];
    Transfer(*Block, Out);
    unsigned Index = 0;
    for (const CFGBlock *Succ : Block->succs()) {
      unsigned SuccIndex = Index++;
      if (!Succ)
        continue;
      // Without an edge transfer every successor gets the exit state as is.
      if constexpr (std::is_same_v<EdgeFn, NoEdgeTransfer>) {
        Arrive(*Succ, Out);
      } else {
        State EdgeOut = Out;
        Edge(*Block, SuccIndex, EdgeOut);
        Arrive(*Succ, EdgeOut);
      }
    }
  }
  return In;
}

/// runForwardFrom from the entry of \p Graph, whose entry state is \p Entry.
template <typename State, typename TransferFn, typename EdgeFn, typename JoinFn>
std::vector<std::optional<State>> runForward(const CFG &Graph, State Entry,
                                             TransferFn Transfer, EdgeFn Edge,
                                             JoinFn Join) {
  std::pair<const CFGBlock *, State> Seed{&Graph.getEntry(), std::move(Entry)};
  return runForwardFrom<State>(Graph, llvm::ArrayRef(Seed), Transfer, Edge,
                               Join);
}

/// runForward for an analysis that learns nothing from branches.
template <typename State, typename TransferFn, typename JoinFn>
std::vector<std::optional<State>> runForward(const CFG &Graph, State Entry,
                                             TransferFn Transfer, JoinFn Join) {
  return runForward(Graph, std::move(Entry), Transfer, NoEdgeTransfer(), Join);
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FORWARDRUNNER_H
