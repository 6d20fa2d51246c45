//===--- UsesAfterThreadMove.cpp - async-lint -----------------------------===//

#include "UsesAfterThreadMove.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

LateUse
firstUseAfterMove(const SuspensionFlow &Flow, const Stmt &From,
                  llvm::function_ref<bool(const Stmt &)> IsUse,
                  llvm::function_ref<bool(const Stmt &)> Ends,
                  llvm::function_ref<bool(const CoroutineSuspendExpr &)> Moves,
                  const SourceManager &SM) {
  // Two facts along the paths from From: what it took is held (keyed by
  // From), and it has been carried across a suspension that moves the
  // coroutine (keyed by IsUse's address, with that suspension).
  const void *Held = &From;
  const void *Crossed = &IsUse;
  LateUse First;
  auto Statement = [&](const Stmt &S, HeldFacts &Facts) {
    if (&S == &From) {
      Facts.erase(Crossed);
      Facts[Held] = &From;
      return;
    }
    if (Ends(S)) {
      Facts.erase(Held);
      Facts.erase(Crossed);
      return;
    }
    if (auto It = Facts.find(Crossed);
        It != Facts.end() && IsUse(S) &&
        (!First.Use || SM.isBeforeInTranslationUnit(S.getBeginLoc(),
                                                    First.Use->getBeginLoc())))
      First = {&S, cast<CoroutineSuspendExpr>(It->second)};
    const auto *Suspension = dyn_cast<CoroutineSuspendExpr>(&S);
    if (Suspension && Facts.count(Held) &&
        llvm::is_contained(Flow.points(), Suspension) && Moves(*Suspension))
      Facts.try_emplace(Crossed, Suspension);
  };
  FactTransfer T;
  T.Statement = Statement;
  Flow.heldAtSuspensions(T);
  return First;
}

} // namespace clang::tidy::async::model
