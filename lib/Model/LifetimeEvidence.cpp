//===--- LifetimeEvidence.cpp - async-lint --------------------------------===//

#include "LifetimeEvidence.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

void addUseStep(LifetimeEvidence &E, const Stmt &Use, llvm::StringRef UseName,
                bool Lazy) {
  E.add(Lazy ? Said::UsedWhenTaskRuns : Said::UsedAfterSuspending,
        Use.getBeginLoc(), {UseName.str()});
}

void addLifetimeSteps(LifetimeEvidence &E, const SourceManager &SM,
                      const TaskFate &Fate, const Casualty &Victim,
                      const Stmt *Use, llvm::StringRef UseName, bool Lazy) {
  auto FateStep = [&] {
    if (Fate.What == TaskFate::Kind::Dropped)
      E.add(Said::EagerTaskDropped, Fate.Where);
    else
      E.add(Said::TaskIs, Fate.Where, {std::string(Fate.How)});
  };
  auto DeathStep = [&] {
    if (Victim.Local)
      E.add(Said::LocalDestroyed, Victim.Dies, {Victim.Local});
    else
      E.add(Said::TemporaryDestroyed, Victim.Dies, {Victim.Temporary.str()});
  };
  // In the order they happen in the source.
  if (SM.isBeforeInTranslationUnit(Victim.Dies, Fate.Where)) {
    DeathStep();
    FateStep();
  } else {
    FateStep();
    DeathStep();
  }
  if (Use)
    addUseStep(E, *Use, UseName, Lazy);
}

} // namespace clang::tidy::async::model
