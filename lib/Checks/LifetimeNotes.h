//===--- LifetimeNotes.h - async-lint ---------------------------*- C++ -*-===//
//
// The notes shared by the lifetime checks: where the task goes, where what it
// refers to dies, and where the coroutine uses it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_CHECKS_LIFETIMENOTES_H
#define ASYNC_LINT_CHECKS_LIFETIMENOTES_H

#include "../Model/TaskFlow.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::async {

/// What dies, for the notes: a temporary (\p Temporary names it, e.g. "the
/// temporary", "the closure") or the local \p Local.
struct Casualty {
  StringRef Temporary;
  const NamedDecl *Local = nullptr;
  SourceLocation Dies;
};

/// Adds the notes of a lifetime finding: what becomes of the task and where
/// \p Victim dies (in source order), and where the coroutine uses it (\p Use,
/// named \p UseName), lazily (only once awaited) or after a suspension.
void addLifetimeNotes(ClangTidyCheck &Check, const SourceManager &SM,
                      const model::TaskFate &Fate, const Casualty &Victim,
                      const Stmt *Use, StringRef UseName, bool Lazy);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_LIFETIMENOTES_H
