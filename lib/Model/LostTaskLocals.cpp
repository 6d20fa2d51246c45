//===--- LostTaskLocals.cpp - async-lint ----------------------------------===//

#include "LostTaskLocals.h"
#include "MustUse.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async::model {

std::vector<UnusedValueLoss>
lostTaskLocals(llvm::ArrayRef<const VarDecl *> Vars,
               const llvm::DenseSet<const VarDecl *> &Results, const Stmt &Body,
               ASTContext &Ctx, const OwnStmts &Own,
               const NameMatcher &AlwaysTrue,
               llvm::function_ref<const PathFacts &()> Facts) {
  auto UsedAlways = [&](const VarDecl &Var) {
    return usedOnEveryPath(Var, Body, Ctx, AlwaysTrue,
                           [](const DeclRefExpr &) { return true; });
  };
  llvm::SmallVector<const VarDecl *, 4> Judged;
  llvm::DenseSet<const VarDecl *> Assigned;
  for (const VarDecl *Var : Vars) {
    if (isAssignedIn(*Var, Own))
      Assigned.insert(Var);
    else if (UsedAlways(*Var))
      continue;
    Judged.push_back(Var);
  }
  if (Judged.empty())
    return {};
  const PathFacts &Known = Facts();
  std::vector<UnusedValueLoss> Losses = Known.unusedValueLosses(Judged);
  llvm::DenseSet<const VarDecl *> Overwritten, Skipped;
  for (const UnusedValueLoss &Loss : Losses)
    if (Loss.Overwritten)
      Overwritten.insert(Loss.Var);
  for (const VarDecl *Var : Assigned)
    if (!Overwritten.contains(Var) && UsedAlways(*Var))
      Skipped.insert(Var);
  // A result read somewhere is lost only where its scope ends as the code
  // runs on (a loop body's end, a branch that falls through); a path that
  // leaves early (a return, break, continue or goto) wants no result there.
  llvm::erase_if(Losses, [&](const UnusedValueLoss &Loss) {
    return Skipped.contains(Loss.Var) ||
           (Results.contains(Loss.Var) && !Loss.Overwritten &&
            Known.isRead(Loss.Var) && Loss.AtJump);
  });
  return Losses;
}

const char *unawaitedLoss(Laziness L, bool Read) {
  unsigned Loss = L == Laziness::Lazy ? 1 : L == Laziness::Eager ? 2 : 0;
  static constexpr const char *Never[] = {
      "", "; it is destroyed without running",
      "; its result and any failure are lost"};
  static constexpr const char *Somewhere[] = {
      "", "; where it is dropped it never runs",
      "; where it is dropped its result and any failure are lost"};
  return (Read ? Somewhere : Never)[Loss];
}

} // namespace clang::tidy::async::model
