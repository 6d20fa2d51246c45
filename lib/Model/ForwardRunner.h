//===--- ForwardRunner.h - async-lint ---------------------------*- C++ -*-===//
//
// One forward worklist runner for the model's dataflow analyses on a
// function's CFG: blocks are visited in reverse post order (Clang's
// ForwardDataflowWorklist), a block's entry state is the join of what its
// predecessors hand it, and a block is visited again only when that state
// grows. The analysis brings its state, its join and its block transfer.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_FORWARDRUNNER_H
#define ASYNC_LINT_MODEL_FORWARDRUNNER_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

/// The entry state of every block of \p Graph at the fixed point, by block
/// id; none for a block no path from the entry reaches (the lattice's
/// bottom). \p Transfer(Block, State) turns a block's entry state into its
/// exit state; \p Join(Into, From) joins \p From into \p Into and returns
/// true when \p Into changed. Both must be monotone for the run to end.
template <typename State, typename TransferFn, typename JoinFn>
std::vector<std::optional<State>> runForward(const CFG &Graph, State Entry,
                                             TransferFn Transfer, JoinFn Join) {
  std::vector<std::optional<State>> In(Graph.getNumBlockIDs());
  PostOrderCFGView Order(&Graph);
  ForwardDataflowWorklist Work(Graph, &Order);
  In[Graph.getEntry().getBlockID()] = std::move(Entry);
  Work.enqueueBlock(&Graph.getEntry());
  while (const CFGBlock *Block = Work.dequeue()) {
    State Out = *In[Block->getBlockID()];
    Transfer(*Block, Out);
    for (const CFGBlock *Succ : Block->succs()) {
      if (!Succ)
        continue;
      std::optional<State> &SuccIn = In[Succ->getBlockID()];
      if (!SuccIn) {
        SuccIn = Out;
        Work.enqueueBlock(Succ);
      } else if (Join(*SuccIn, Out)) {
        Work.enqueueBlock(Succ);
      }
    }
  }
  return In;
}

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_FORWARDRUNNER_H
