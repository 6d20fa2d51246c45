//===--- TaskWaits.h - async-lint -------------------------------*- C++ -*-===//
//
// Whether a function waits out a task it started (a coroutine lambda's)
// before a local the task uses dies: a wait linked to the task on every
// path, or a joining executor that runs it and dies first
// (FunctionWaits.h), or a join of the only executor that can resume it
// (OwnedResumers.h), and the library lists that say what waits.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_TASKWAITS_H
#define ASYNC_LINT_MODEL_TASKWAITS_H

#include "AnalysisSession.h"
#include "FunctionWaits.h"
#include "Library.h"
#include "TaskFlow.h"
#include <memory>
#include <string>

namespace clang::tidy::async::model {

/// Calls that block until something completes: async-blocking-call's waits
/// and waits for a result (a latch, a barrier, a future, a join), and
/// async_simple's future.
std::string defaultBlockingWaits();

/// defaultBlockingWaits as a matcher, built once: for the analyses the
/// session shares between checks, which do not see a check's BlockingWaits.
const NameMatcher &catalogueWaits();

/// The waits of the function being judged, built when first asked and kept
/// until another function asks.
class TaskWaits {
public:
  /// \p Waits: calls that block until something completes; \p Joining:
  /// executor classes whose destructor waits for their work; \p Joins:
  /// members that join or drain an executor (JoinFunctions); \p WaitMembers
  /// and \p SignalMembers: the members that wait on and signal a
  /// synchronisation object (a latch, a wait group).
  TaskWaits(const NameMatcher &Waits, const NameMatcher &Joining,
            const NameMatcher &Joins, const NameMatcher &WaitMembers,
            const NameMatcher &SignalMembers)
      : Waits(Waits), Joining(Joining), Joins(Joins), WaitMembers(WaitMembers),
        SignalMembers(SignalMembers) {}
  /// The same from a check's \p BlockingWaits and the library lists of
  /// \p Lib: its blocking waits with \p Lib's sync waits and join members.
  TaskWaits(const NameMatcher &BlockingWaits, const Library &Lib)
      : Combined(BlockingWaits.str() + ";" + Lib.SyncWaitFunctions.str() + ";" +
                 Lib.JoinMembers.str()),
        Waits(Combined), Joining(Lib.JoiningExecutors),
        Joins(Lib.JoinFunctions), WaitMembers(Lib.WaitMembers),
        SignalMembers(Lib.SignalMembers) {}
  /// True when \p Encl (of body \p Body) waits out the task of the
  /// coroutine \p Coro (a coroutine lambda's call operator, or any
  /// coroutine), of fate \p F, before \p Dying dies. Only a task left
  /// running on an executor can be waited for: a returned task is the
  /// caller's. With \p OnlyChecks, only by checks that end the process
  /// unless the task is done (FunctionWaits::waitsOut).
  bool waitedOut(const FunctionDecl &Encl, const Stmt &Body,
                 AnalysisSession &Session, const FunctionDecl &Coro,
                 const TaskFate &F, const VarDecl &Dying,
                 bool OnlyChecks = false);
  void clear() {
    Own.reset();
    OwnOf = nullptr;
  }

private:
  /// The waits of the second constructor.
  const NameMatcher Combined;
  const NameMatcher &Waits;
  const NameMatcher &Joining;
  const NameMatcher &Joins;
  const NameMatcher &WaitMembers;
  const NameMatcher &SignalMembers;
  std::unique_ptr<FunctionWaits> Own;
  const FunctionDecl *OwnOf = nullptr;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_TASKWAITS_H
