//===--- EagerPrefix.h - async-lint -----------------------------*- C++ -*-===//
//
// Coroutines whose code before their first suspension runs only on a plain
// thread, no executor's: a coroutine lambda only a sync-wait runs
// (SyncWaitStarts), an eager coroutine that only main calls, directly or
// through functions that run only there (corolib's tutorials:
// `completionflow(a1, a2, a3);` in main), and a lazy coroutine that only a
// sync-wait made there starts (cinatra's examples:
// `syncAwait(test_sync_client());` in main). An eager coroutine runs inside
// the call until it first suspends; a lazy one, inside the sync-wait that
// starts it, when no executor is bound (the sync-wait's only argument is the
// coroutine's call: not `f().via(ex)`, not `syncAwait(f(), ex)`), and a lazy
// child inside the `co_await child()` of such a coroutine. Run from main,
// that is main's own thread, which runs no executor during the call.
//
// Every caller must be seen. Each function of the chain is defined in the
// unit's main file, which defines main: a program's main file, whose
// functions other units do not call (an assumption: an externally visible
// function declared in a header of its own and called from another unit is
// taken for one main alone calls). It is no virtual member and no lambda,
// and every mention of it in the unit is a direct call from main, from a
// coroutine of the chain before that coroutine's first suspension (on its
// CFG), or from a plain function of the chain; for a lazy coroutine, that
// call is the only argument of a sync-wait or the operand of a co_await. A
// function with no caller in the unit, or whose address is taken elsewhere,
// is not, except a plain one that other units call: an externally visible,
// named function (no lambda, constructor, destructor, operator or
// conversion) that the unit mentions nowhere (DPP's `coro_offline_tests()`,
// which test.cpp's main calls). An eager coroutine's code before it first
// suspends is that function's code, and its callers are not shown: as for
// any plain function, no executor is claimed for it (a coroutine calling it
// is judged at its call, through bodies or summaries).
// A lambda called where it is made (`syncAwait([&]() -> Lazy<> {...}())`)
// has that call as its only one, and is judged like a function (for a
// template's lambda: every instantiation's).
//
// The first suspension is the first await on the CFG that can suspend and
// whose awaitable is not known ready there: an await of a local the same
// path made ready (a ReadyAfterCall member such as a promise's set_value,
// by the coroutine's path facts), or of a view a member without arguments
// and without a coroutine body makes of it (DPP's
// `p.set_value(1); co_await p.get_awaitable();`), does not suspend.
//
// A plain function that the initialiser of a namespace-scope variable hands
// to a call or a construction (a test framework's registered case: doctest's
// and Catch2's TEST_CASE expand to a static function and a static variable
// initialised with its registration), or a captureless lambda handed there
// as a function pointer, counts as one main calls: the
// framework's runner, called from main, runs its cases one after another on
// main's thread (an assumption about such runners; a function also mentioned
// any other way is not one).
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_EAGERPREFIX_H
#define ASYNC_LINT_MODEL_EAGERPREFIX_H

#include "AnalysisSession.h"
#include "SyncWaitStarts.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace clang::tidy::async::model {

class NameMatcher;

/// Which coroutines run their code before the first suspension only on a
/// plain thread; remembered for a translation unit.
class PlainThreadStarts {
public:
  /// True when \p Coro runs its code before its first suspension only on a
  /// plain thread: a coroutine lambda only \p SyncWaitFns run, or whose
  /// tasks an inline combinator starts (CombinedStarts), an eager
  /// coroutine only main calls, or a lazy one only sync-waits made there
  /// start (see above). \p Session and \p Lib give the callers' suspension
  /// flows. Memoised.
  bool startsOnPlainThread(const FunctionDecl &Coro,
                           const NameMatcher &SyncWaitFns,
                           AnalysisSession &Session,
                           AnalysisSession::LibraryId Lib);
  /// True when all of \p S, a statement of the coroutine \p Coro, runs on
  /// a plain thread: \p Coro starts on one and no part of \p S may run
  /// after \p Coro first suspends.
  bool runsOnPlainThread(const FunctionDecl &Coro, const Stmt &S,
                         const NameMatcher &SyncWaitFns,
                         AnalysisSession &Session,
                         AnalysisSession::LibraryId Lib);
  /// Forgets what was found (a new translation unit).
  void clear();

  /// A mention of a function: the expression, the function it is in (null
  /// outside any), the call it is the callee of (null when it is not), and
  /// what that call is handed to: the call it is the only argument of, the
  /// co_await it is the operand of (null when none). Registers is the
  /// namespace-scope variable whose initialiser hands the function (or its
  /// address) to a call or construction, when the mention is that.
  struct Mention {
    const Expr *Ref;
    const FunctionDecl *Within;
    const CallExpr *Call;
    const CallExpr *ArgumentOf;
    const CoawaitExpr *AwaitedBy;
    const VarDecl *Registers;
  };
  using InstanceMap =
      llvm::DenseMap<const FunctionDecl *,
                     llvm::SmallVector<const FunctionDecl *, 2>>;

private:
  /// True when every run of \p FD's code before its first suspension is on
  /// main's thread; \p Depth bounds the chain of callers.
  bool onlyOnMainThread(const FunctionDecl &FD, unsigned Depth);
  /// True when the call \p M, in a function of the chain, runs on main's
  /// thread and, for a \p Lazy coroutine, starts it there.
  bool runsOnMainThread(const Mention &M, bool Lazy, unsigned Depth);

  /// True when \p S, a statement of the coroutine \p Coro, may run after
  /// \p Coro first suspends: past a suspension point that can suspend,
  /// other than a co_await whose awaitable \p Coro's own path facts show
  /// ready there (`p.set_value(1); co_await p;`: await_ready is true, so
  /// the await does not suspend and the prefix goes on). Memoised.
  bool mayRunLate(const FunctionDecl &Coro, const Stmt &S,
                  AnalysisSession &Sess, AnalysisSession::LibraryId L);

  SyncWaitStarts SyncWaits;
  /// The statements of each coroutine asked about that may run after it
  /// first suspends (mayRunLate); absent when it has no ready await.
  llvm::DenseMap<const FunctionDecl *,
                 std::optional<llvm::DenseSet<const Stmt *>>>
      LateStmts;
  /// The mentions of each function of the program (canonical declaration),
  /// gathered from the unit when first asked.
  std::optional<llvm::DenseMap<const FunctionDecl *, std::vector<Mention>>>
      Mentions;
  /// onlyOnMainThread's answers; absent while one is computed.
  llvm::DenseMap<const FunctionDecl *, std::optional<bool>> MainOnly;
  /// The call operators of the lambdas registered by a namespace-scope
  /// variable's initialiser (gathered with Mentions).
  llvm::DenseSet<const FunctionDecl *> RegisteredLambdas;
  /// The call operators of the lambdas called where they are made
  /// (`syncAwait([&]() -> Lazy<> {...}())`): that call is their only one.
  llvm::DenseSet<const FunctionDecl *> InPlaceLambdas;
  /// The instantiations of such a lambda of a template's pattern.
  InstanceMap InPlaceInstances;
  const NameMatcher *SyncWaitFunctions = nullptr;
  AnalysisSession *Session = nullptr;
  AnalysisSession::LibraryId Lib = 0;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_EAGERPREFIX_H
