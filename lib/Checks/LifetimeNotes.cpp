//===--- LifetimeNotes.cpp - async-lint -----------------------------------===//

#include "LifetimeNotes.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

void addLifetimeNotes(ClangTidyCheck &Check, const SourceManager &SM,
                      const model::TaskFate &Fate, const Casualty &Victim,
                      const Stmt *Use, StringRef UseName, bool Lazy) {
  auto FateNote = [&] {
    if (Fate.What == model::TaskFate::Kind::Dropped)
      Check.diag(Fate.Where,
                 "the eager task is dropped here and runs on "
                 "detached",
                 DiagnosticIDs::Note);
    else
      Check.diag(Fate.Where, "the task is %0", DiagnosticIDs::Note) << Fate.How;
  };
  auto DeathNote = [&] {
    if (Victim.Local)
      Check.diag(Victim.Dies, "%0 is destroyed here", DiagnosticIDs::Note)
          << Victim.Local;
    else
      Check.diag(Victim.Dies,
                 "%0 is destroyed at the end of this full "
                 "expression",
                 DiagnosticIDs::Note)
          << Victim.Temporary;
  };
  // In the order they happen in the source.
  if (SM.isBeforeInTranslationUnit(Victim.Dies, Fate.Where)) {
    DeathNote();
    FateNote();
  } else {
    FateNote();
    DeathNote();
  }
  if (!Use)
    return;
  Check.diag(Use->getBeginLoc(),
             Lazy ? "%0 is used here, when the task runs"
                  : "%0 is used here, after the coroutine may have suspended",
             DiagnosticIDs::Note)
      << UseName;
}

} // namespace clang::tidy::async
