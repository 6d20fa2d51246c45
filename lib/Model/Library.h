//===--- Library.h - async-lint ---------------------------------*- C++ -*-===//
//
// What async-lint knows about coroutine libraries, as data: lists of names
// (see NameMatcher.h). Each is an option that every check reads, local option
// first, then global (Checks/AsyncCheck.h), so that one global entry in
// .clang-tidy serves all checks; the model sees only the lists. Each list's
// default is composed from the libraries' tables (Libraries.def: one table
// per library). docs/configuration.md lists them.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_LIBRARY_H
#define ASYNC_LINT_MODEL_LIBRARY_H

#include "NameMatcher.h"
#include "PathFacts.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace clang::tidy::async::model {

class Library {
public:
  /// Every list with its default value.
  Library();
  /// Reads every list: \p Read is given its option name and default value
  /// and returns the value configured.
  explicit Library(
      llvm::function_ref<std::string(StringRef Name, StringRef Default)> Read);
  /// Calls \p Visit with every list's option name and value.
  void forEachList(
      llvm::function_ref<void(StringRef Name, StringRef Value)> Visit) const;

  /// The default of the list named \p List (its option name): the entries
  /// for it in every library's table, in the order of the tables; empty
  /// for a name that is no list. Kept for the life of the program.
  static StringRef defaultOf(StringRef List);
  /// Calls \p Visit with each entry of the libraries' tables, in order:
  /// the library, the list and the names it adds.
  static void
  forEachTableEntry(llvm::function_ref<void(StringRef Library, StringRef List,
                                            StringRef Names)>
                        Visit);

  /// Return types of coroutines that are not recognised by structure.
  NameMatcher TaskTypes;
  /// Eager coroutine return types made to be dropped (fire and forget).
  NameMatcher FireAndForgetTypes;
  /// Functions that start a task detached from the caller.
  NameMatcher SpawnFunctions;
  /// Completion tokens that drop a spawned task's result and exception.
  NameMatcher DetachedTokens;
  /// Completion token types that make an asynchronous operation return an
  /// operation that only starts when awaited (asio's use_awaitable, deferred).
  NameMatcher DeferredTokens;
  /// Functions that block the thread until asynchronous work completes.
  NameMatcher SyncWaitFunctions;
  /// Member functions of a task that block until it is done (a join).
  NameMatcher JoinMembers;
  /// Executor classes (or their bases) whose destructor joins the threads
  /// that run their work; and their members that join those threads
  /// (libcoro's shutdown, asio's join): work started on such an executor is
  /// over once it is joined or destroyed (ExecutorJoins.h).
  NameMatcher JoiningExecutors;
  NameMatcher JoinFunctions;
  /// Functions that combine tasks (when_all, when_any, ...).
  NameMatcher CombinatorFunctions;
  /// Functions that call a function object and keep it alive in the task
  /// they return (folly::coro::co_invoke).
  NameMatcher KeepAliveFunctions;
  /// Awaitables that never suspend (asio's this_coro::executor).
  NameMatcher NonSuspendingAwaitables;
  /// Asynchronous sleeps, the replacement for blocking ones.
  NameMatcher AsyncSleepFunctions;
  /// Mutexes whose lock is awaited.
  NameMatcher AsyncMutexes;
  /// Awaited acquisitions that bound concurrency (semaphores, channels).
  NameMatcher Limiters;
  /// Members that block the calling thread until another thread signals
  /// their object (a semaphore's acquire, a latch's wait), and the members
  /// that signal it: a function that waits on what a task it started
  /// signals after its last use of a borrowed local outlives that use.
  NameMatcher WaitMembers;
  NameMatcher SignalMembers;
  /// Awaitables that yield the coroutine's executor, null when it has
  /// none (async_simple's CurrentExecutor).
  NameMatcher CurrentExecutorAwaitables;
  /// Members of a promise that make the future it sets (the read end of a
  /// promise: awaiting it only waits for the outcome of work that runs
  /// without it).
  NameMatcher PromiseFutureMembers;
  /// Combinators whose awaiter starts the tasks it is given on the thread
  /// that awaits it (async_simple's collectAll, not collectAllPara, which
  /// schedules them): those tasks run where the awaiting coroutine runs.
  NameMatcher InlineStartCombinators;
  /// Functions whose body is not in the unit, documented to return true
  /// (GoogleTest's testing::internal::AlwaysTrue, which its assertion
  /// macros test to hide a branch): a branch they guard always runs.
  NameMatcher AlwaysTrueFunctions;
  /// Functions whose awaited call locks the object given first and returns
  /// the guard that holds it (Seastar's get_units of a semaphore).
  NameMatcher AsyncLockFunctions;
  /// Execution contexts (ContextEnds.h): members that stop a context (its
  /// runs return with work left undone), and context classes (or bases)
  /// whose destructor destroys the work they did not run.
  NameMatcher ContextStopMembers;
  NameMatcher WorkDestroyingContexts;
  /// Functions whose body is not in the unit, documented to return false
  /// (Boost.Test's tt_detail::dummy_cond, which its assertion macros test in
  /// `do { ... } while (dummy_cond())`): a loop they guard runs its body
  /// once (a do) or never.
  NameMatcher AlwaysFalseFunctions;
  /// Which operations make a result ready (PathFacts.h): ReadyOnAwait,
  /// ReadyAfterCall, StatusQueries, PendingStates, AllReadyCombinators,
  /// AnyReadyCombinators, AssertionFunctions, TestFailureReports.
  ReadinessKnowledge Readiness;

private:
  struct Entry {
    llvm::StringLiteral Name;
    NameMatcher Library::*Field;
    NameMatcher ReadinessKnowledge::*ReadinessField = nullptr;
  };
  NameMatcher &field(const Entry &E) {
    return E.ReadinessField ? Readiness.*E.ReadinessField : this->*E.Field;
  }
  const NameMatcher &field(const Entry &E) const {
    return E.ReadinessField ? Readiness.*E.ReadinessField : this->*E.Field;
  }
  static const Entry Entries[];
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_LIBRARY_H
