//===--- VisibleBodies.h - async-lint ---------------------------*- C++ -*-===//
//
// Whether the unit shows everything a function does: its body, and the body
// of each function it calls, down to a budget of function boundaries, where
// a call of a library function (declared in a system header) counts as seen
// (the blocking catalogue names the library's blocking calls). A call
// through a pointer, a virtual call, or a call of a function of the project
// defined in another unit hides what runs. async-blocking-call judges a
// member named in AwaitableBlockingMembers by its body only when that body
// is seen this way: an accessor named get() that only reads a slot does not
// wait, while a get() whose wait is in another unit still does by its name.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_VISIBLEBODIES_H
#define ASYNC_LINT_MODEL_VISIBLEBODIES_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

class VisibleBodies {
public:
  /// True when the unit shows all that \p Def (a definition outside system
  /// headers) runs within \p Budget function boundaries.
  bool fullyVisible(const FunctionDecl &Def, unsigned Budget,
                    const SourceManager &SM);
  /// Forgets the unit's answers.
  void clear() { Seen.clear(); }

private:
  /// The smallest budget a definition was found fully visible within, and
  /// the largest it was not (0: none).
  struct Answer {
    unsigned VisibleWithin = 0;
    unsigned HiddenWithin = 0;
    bool InProgress = false;
  };
  /// Whether the call or construction \p S shows what it runs (\p Budget
  /// boundaries for the callee's own calls).
  bool callVisible(const Stmt &S, unsigned Budget, const SourceManager &SM);

  llvm::DenseMap<const FunctionDecl *, Answer> Seen;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_VISIBLEBODIES_H
