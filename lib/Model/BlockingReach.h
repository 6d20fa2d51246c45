//===--- BlockingReach.h - async-lint ---------------------------*- C++ -*-===//
//
// Whether a call blocks, directly or through the functions it calls: the
// blocking call a function's visible body reaches (within a budget of
// function boundaries, preferring a call that blocks whatever the
// arguments, then the shortest path), and the condition under which it
// blocks: a get() blocks only while its object is not ready (PathFacts), so a
// function that waits on its parameter blocks only when that argument is not
// ready; a system call on a non-blocking descriptor does not block, nor one
// that a member makes on its object's descriptor when the caller has just
// awaited that descriptor's readiness through the object's accessor; an eager
// coroutine runs only its code before the first suspension in its caller;
// the idle wait of an executor's run loop (RunLoops.h) stalls nothing.
// Remembered per function for a translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_BLOCKINGREACH_H
#define ASYNC_LINT_MODEL_BLOCKINGREACH_H

#include "BlockingCalls.h"
#include "NonBlockingIO.h"
#include "PathFacts.h"
#include "RunLoops.h"
#include "Summaries.h"
#include "SuspensionFlow.h"
#include "VisibleBodies.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::async::model {

/// When a call blocks: whatever the arguments (Param < 0), or only when the
/// argument for parameter Param lacks the facts Needs (PathFacts bits: a
/// get() on it needs it ready, on one of its elements needs it all ready).
struct BlockingCondition {
  int Param = -1;
  unsigned Needs = 0;
  /// Or only when the caller has not just awaited the readiness of this
  /// descriptor of the callee's object (NonBlockingIO::ownDescriptor).
  const Expr *Descriptor = nullptr;
  /// True when the call blocks whatever its caller does. (A summary for
  /// other units keeps a Descriptor condition as blocking.)
  bool always() const { return Param < 0 && !Descriptor; }
};

/// How a function reaches a blocking call: the call in its body that blocks
/// or leads to a blocking call, and the callee it leads through.
struct BlockingPath {
  const Stmt *Site = nullptr;
  const FunctionDecl *Via = nullptr; // null when Site blocks itself
  BlockingCall Leaf;
  unsigned Depth = 0; // function boundaries to the leaf, 1 = direct
  BlockingCondition When;
  /// The record of another unit's summary that Via's path is, when Via has
  /// no body here (the path goes on in the other unit's files).
  const Summary *Summarised = nullptr;
};

/// What the search asks of the unit's analyses (the analysis session).
struct BlockingQueries {
  /// The PathFacts bits of the object \p Object when \p At runs in \p FD.
  llvm::function_ref<unsigned(const FunctionDecl &FD, const Expr *Object,
                              const Stmt *At)>
      FactsAt;
  /// The path facts of a function.
  llvm::function_ref<const PathFacts &(const FunctionDecl &)> PathFactsOf;
  /// The suspension flow of a function.
  llvm::function_ref<const SuspensionFlow &(const FunctionDecl &)> Suspensions;
  /// The path of the call \p S to a function this unit only declares, from
  /// another unit's summary (Summarised set); none without summaries.
  llvm::function_ref<std::optional<BlockingPath>(const Stmt &S)> Summarised =
      {};
};

class BlockingReach {
public:
  /// \p MemberBudget: the function boundaries within which a member's
  /// body is read to classify a call of it (classify), wherever it is
  /// called from.
  BlockingReach(const BlockingLists &Lists, NonBlockingIO &IO,
                unsigned MemberBudget)
      : Lists(Lists), IO(IO), MemberBudget(MemberBudget) {}

  /// What \p S blocks on (classifyBlocking, \p Own as there), except that
  /// a member blocking only by its name (AwaitableBlockingMembers) whose
  /// body the unit shows in full (VisibleBodies) blocks only when that body
  /// reaches a blocking call, and that a task's member that waits only until
  /// the task completes (CompletionGuards) waits for a result.
  std::optional<BlockingCall> classify(const Stmt &S, ASTContext &Ctx,
                                       const BlockingQueries &Q,
                                       const OwnStmts *Own = nullptr);
  /// The definition the call \p S runs, when the search descends into it:
  /// visible, not implicit, not in a system header, not allowed, and not a
  /// lazy coroutine (an eager one runs in its caller until it suspends).
  const FunctionDecl *descendInto(const Stmt &S, const SourceManager &SM) const;
  /// The blocking call \p FD's body reaches within \p Budget function
  /// boundaries, with the condition under which it blocks; std::nullopt
  /// when it reaches none. Memoised (also a search that failed, by budget).
  std::optional<BlockingPath> reachOf(const FunctionDecl &FD, unsigned Budget,
                                      ASTContext &Ctx,
                                      const BlockingQueries &Q);
  /// Whether the call \p S of \p FD reaching \p R blocks: std::nullopt when
  /// it does not (its object is ready there, its descriptor non-blocking);
  /// a condition on the parameter of \p FD that the object waited on is (or
  /// whose element it is); otherwise always.
  std::optional<BlockingCondition>
  blocksThrough(const FunctionDecl &FD, const Stmt &S, const BlockingPath &R,
                ASTContext &Ctx, const BlockingQueries &Q);
  /// True when \p Site of the eager coroutine \p Coro runs before it first
  /// suspends: in its caller, on the caller's thread.
  static bool runsInCaller(const FunctionDecl &Coro, const Stmt &Site,
                           const BlockingQueries &Q);
  /// What reachOf found for \p FD; null when it found nothing.
  const BlockingPath *found(const FunctionDecl *FD) const;
  /// Forgets what was found, and the lists' answers (a new translation unit).
  void clear() {
    Reaches.clear();
    Bodies.clear();
    Loops.clear();
    if (Lists.Memo)
      Lists.Memo->clear();
  }

private:
  struct Memo {
    std::optional<BlockingPath> Found;
    unsigned SearchedBudget = 0;
    bool InProgress = false;
  };
  /// Whether \p S, a call in \p FD that blocks unless \p Object has the
  /// facts \p Needs, blocks (see blocksThrough).
  std::optional<BlockingCondition>
  blocksUnless(const FunctionDecl &FD, const Stmt &S, const Expr *Object,
               unsigned Needs, const BlockingQueries &Q);
  /// The best path among the calls of \p FD's body (reachOf's search).
  std::optional<BlockingPath> searchBody(const FunctionDecl &FD,
                                         unsigned Budget, ASTContext &Ctx,
                                         const BlockingQueries &Q);

  const BlockingLists &Lists;
  NonBlockingIO &IO;
  llvm::DenseMap<const FunctionDecl *, Memo> Reaches;
  VisibleBodies Bodies;
  RunLoops Loops;
  unsigned MemberBudget;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_BLOCKINGREACH_H
