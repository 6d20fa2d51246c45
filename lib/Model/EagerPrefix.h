//===--- EagerPrefix.h - async-lint -----------------------------*- C++ -*-===//
//
// Coroutines whose code before their first suspension runs only on a plain
// thread, no executor's: a coroutine lambda only a sync-wait runs
// (SyncWaitStarts), and an eager coroutine that only main calls, directly or
// through functions that run only there (corolib's tutorials:
// `completionflow(a1, a2, a3);` in main). An eager coroutine runs inside
// the call until it first suspends; called from main, that is main's own
// thread, which runs no executor during the call.
//
// Every caller must be seen. Each function of the chain is defined in the
// unit's main file, which defines main: a program's main file, whose
// functions other units do not call (an assumption: an externally visible
// function declared in a header of its own and called from another unit is
// taken for one main alone calls). It is no virtual member and no lambda,
// and every mention of it in the unit is a direct call from main, from an
// eager coroutine before that coroutine's first suspension (on its CFG), or
// from a plain function of the chain. A function with no caller in the
// unit, or whose address is taken, is not.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EAGERPREFIX_H
#define ASYNC_LINT_MODEL_EAGERPREFIX_H

#include "AnalysisSession.h"
#include "SyncWaitStarts.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;

/// Which coroutines run their code before the first suspension only on a
/// plain thread; remembered for a translation unit.
class PlainThreadStarts {
public:
  /// True when \p Coro runs its code before its first suspension only on a
  /// plain thread: a coroutine lambda only \p SyncWaitFunctions run, or an
  /// eager coroutine only main calls (see above). \p Session and \p Lib
  /// give the callers' suspension flows. Memoised.
  bool startsOnPlainThread(const FunctionDecl &Coro,
                           const NameMatcher &SyncWaitFunctions,
                           AnalysisSession &Session,
                           AnalysisSession::LibraryId Lib);
  /// Forgets what was found (a new translation unit).
  void clear();

  /// A mention of a function: the expression, the function it is in (null
  /// outside any), and the call it is the callee of (null when it is not).
  struct Mention {
    const Expr *Ref;
    const FunctionDecl *Within;
    const CallExpr *Call;
  };

private:
  /// True when every run of \p FD's code before its first suspension is on
  /// main's thread; \p Depth bounds the chain of callers.
  bool onlyOnMainThread(const FunctionDecl &FD, unsigned Depth);

  SyncWaitStarts SyncWaits;
  /// The mentions of each function of the program (canonical declaration),
  /// gathered from the unit when first asked.
  std::optional<llvm::DenseMap<const FunctionDecl *, std::vector<Mention>>>
      Mentions;
  /// onlyOnMainThread's answers; absent while one is computed.
  llvm::DenseMap<const FunctionDecl *, std::optional<bool>> MainOnly;
  AnalysisSession *Session = nullptr;
  AnalysisSession::LibraryId Lib = 0;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EAGERPREFIX_H
