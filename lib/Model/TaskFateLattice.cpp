//===--- TaskFateLattice.cpp - async-lint ---------------------------------===//

#include "TaskFateLattice.h"
#include "ForwardRunner.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

namespace {

/// Adds \p V to the sorted set \p Set; true when it was not there.
bool insertSorted(llvm::SmallVectorImpl<TaskValue> &Set, TaskValue V) {
  auto It = llvm::lower_bound(Set, V);
  if (It != Set.end() && *It == V)
    return false;
  Set.insert(It, V);
  return true;
}

bool unite(llvm::SmallVectorImpl<TaskValue> &Into,
           llvm::ArrayRef<TaskValue> From) {
  bool Changed = false;
  for (TaskValue V : From)
    Changed |= insertSorted(Into, V);
  return Changed;
}

void noteDrop(ValueOutcomes *Seen, TaskValue V, SourceLocation Where) {
  if (!Seen)
    return;
  ValueOutcome &O = (*Seen)[V];
  if (!O.MayDrop)
    O.DroppedAt = Where;
  O.MayDrop = true;
}

} // namespace

bool TaskFateState::join(const TaskFateState &From) {
  bool Changed = false;
  for (const auto &[Var, Fates] : From.Locals) {
    auto [It, New] = Locals.try_emplace(Var, Fates);
    if (New) {
      Changed = true;
      continue;
    }
    Changed |= unite(It->second.Held, Fates.Held);
    Changed |= unite(It->second.Pending, Fates.Pending);
  }
  return Changed;
}

bool TaskFateState::operator==(const TaskFateState &Other) const {
  if (Locals.size() != Other.Locals.size())
    return false;
  for (const auto &[Var, Fates] : Locals) {
    auto It = Other.Locals.find(Var);
    if (It == Other.Locals.end() || !(It->second == Fates))
      return false;
  }
  return true;
}

void transfer(const TaskEvent &E, TaskFateState &S, ValueOutcomes *Seen) {
  using K = TaskEvent::Kind;
  switch (E.What) {
  case K::Store: {
    LocalFates &F = S.Locals[E.Var];
    // What the local held unconsumed is destroyed by the new value (the
    // same store's value from an earlier loop iteration too).
    for (TaskValue Old : F.Pending)
      noteDrop(Seen, Old, E.Where);
    F.Held.assign(1, E.Value);
    F.Pending.assign(1, E.Value);
    return;
  }
  case K::Add: {
    LocalFates &F = S.Locals[E.Var];
    insertSorted(F.Held, E.Value);
    insertSorted(F.Pending, E.Value);
    return;
  }
  case K::Mention: {
    auto It = S.Locals.find(E.Var);
    if (It == S.Locals.end())
      return;
    if (Seen)
      for (TaskValue V : It->second.Held) {
        llvm::SmallVector<const Expr *, 2> &Mentions = (*Seen)[V].Mentions;
        if (!llvm::is_contained(Mentions, E.Mention))
          Mentions.push_back(E.Mention);
      }
    It->second.Pending.clear();
    return;
  }
  case K::Death: {
    auto It = S.Locals.find(E.Var);
    if (It == S.Locals.end())
      return;
    for (TaskValue V : It->second.Pending)
      noteDrop(Seen, V, E.Where);
    S.Locals.erase(It);
    return;
  }
  }
}

ValueOutcomes
solveTaskFates(const CFG &Graph, const BlockEvents &Events,
               const TaskFateState &Entry,
               llvm::function_ref<SourceLocation(const VarDecl *)> ExitDrop) {
  auto Block = [&](const CFGBlock &B, TaskFateState &S, ValueOutcomes *Seen) {
    for (const TaskEvent &E : Events[B.getBlockID()])
      transfer(E, S, Seen);
  };
  std::vector<std::optional<TaskFateState>> In = runForward(
      Graph, Entry,
      [&](const CFGBlock &B, TaskFateState &S) { Block(B, S, nullptr); },
      [](TaskFateState &Into, const TaskFateState &From) {
        return Into.join(From);
      });
  // One replay of every reached block from its fixed-point state records
  // what the events do to the values: the states only grew while solving,
  // so this is every path's outcome.
  ValueOutcomes Seen;
  for (const CFGBlock *B : Graph) {
    const std::optional<TaskFateState> &S = In[B->getBlockID()];
    if (!S)
      continue;
    TaskFateState State = *S;
    Block(*B, State, &Seen);
    if (B == &Graph.getExit())
      for (const auto &[Var, Fates] : State.Locals)
        for (TaskValue V : Fates.Pending)
          noteDrop(&Seen, V, ExitDrop(Var));
  }
  return Seen;
}

} // namespace clang::tidy::async::model
