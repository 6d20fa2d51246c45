//===--- UsedBeforeScopeEnd.cpp - async-lint ------------------------------===//

#include "UsedBeforeScopeEnd.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/BitVector.h"
#include <algorithm>
#include <utility>

namespace clang::tidy::async::model {

namespace {

/// Where the lifetime that \p End closes ends, for notes: the statement that
/// leaves the scope (return, break, ...) or the closing brace of the scope.
SourceLocation endLocation(const CFGLifetimeEnds &End) {
  const Stmt *Trigger = End.getTriggerStmt();
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Trigger))
    return Compound->getRBracLoc();
  return Trigger ? Trigger->getBeginLoc() : SourceLocation();
}

/// The block and element index of \p S in \p Graph.
std::pair<const CFGBlock *, unsigned> find(const CFG &Graph, const Stmt *S) {
  for (const CFGBlock *Block : Graph)
    for (unsigned I = 0, E = Block->size(); I != E; ++I)
      if (auto Element = (*Block)[I].getAs<CFGStmt>())
        if (Element->getStmt() == S)
          return {Block, I};
  return {nullptr, 0};
}

} // namespace

ScopeEndPaths pathsToScopeEnd(const CFG &Graph, const VarDecl &Var,
                              const Stmt *From,
                              llvm::function_ref<bool(const Stmt &)> IsUse) {
  ScopeEndPaths Result;
  auto [Start, StartIndex] = find(Graph, From);
  if (!Start)
    return Result;
  Result.Known = true;
  // A depth-first walk over the blocks, each entered at its first element
  // once; the block of From is first walked from just after From (a loop
  // may enter it again from its start).
  llvm::BitVector Entered(Graph.getNumBlockIDs());
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  Work.push_back({Start, StartIndex + 1});
  while (!Work.empty()) {
    auto [Block, Index] = Work.pop_back_val();
    bool Stopped = false;
    for (unsigned E = Block->size(); Index != E && !Stopped; ++Index) {
      CFGElement Element = (*Block)[Index];
      if (auto S = Element.getAs<CFGStmt>()) {
        if (IsUse(*S->getStmt())) {
          Result.Uses.push_back(S->getStmt());
          Stopped = true;
        }
      } else if (auto End = Element.getAs<CFGLifetimeEnds>()) {
        if (End->getVarDecl() == &Var) {
          Result.Unused.push_back(endLocation(*End));
          Stopped = true;
        }
      }
    }
    if (Stopped)
      continue;
    for (const CFGBlock *Succ : Block->succs())
      if (Succ && !Entered.test(Succ->getBlockID())) {
        Entered.set(Succ->getBlockID());
        Work.push_back({Succ, 0});
      }
  }
  // Source order, each once: the walk's order depends on the CFG's layout.
  const SourceManager &SM = Var.getASTContext().getSourceManager();
  auto Before = [&SM](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  };
  llvm::sort(Result.Unused, Before);
  Result.Unused.erase(llvm::unique(Result.Unused), Result.Unused.end());
  llvm::sort(Result.Uses, [&](const Stmt *A, const Stmt *B) {
    return Before(A->getBeginLoc(), B->getBeginLoc());
  });
  Result.Uses.erase(llvm::unique(Result.Uses), Result.Uses.end());
  return Result;
}

} // namespace clang::tidy::async::model
