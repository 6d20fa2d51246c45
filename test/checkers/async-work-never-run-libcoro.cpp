// RUN: %check_async_lint %s async-work-never-run %t

// libcoro's scheduler, made by scheduler::make_unique and held by the local
// pointer it returns. By default it runs its own event thread and thread
// pool; only options that select the manual thread strategy and inline task
// processing leave the spawned work waiting for the owner's
// process_events(). Such a scheduler given work and destroyed without
// process_events() on some path destroys the work unrun.

#include "coro/libcoro.hpp"

coro::task<void> work();
bool failed();
void drive(coro::scheduler &);

using Strategy = coro::scheduler::thread_strategy_t;
using Execution = coro::scheduler::execution_strategy_t;

// --- Manual and inline: the owner must call process_events().

void spawnedNeverProcessed() {
  auto S = coro::scheduler::make_unique(coro::scheduler::options{
      .thread_strategy = coro::scheduler::thread_strategy_t::manual,
      .execution_strategy =
          coro::scheduler::execution_strategy_t::process_tasks_inline});
  S->spawn_detached(work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'S' never runs: nothing runs 'S' before it is destroyed [async-work-never-run]
  S->shutdown();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'S', the only handle on the context, is destroyed here without having been run; the work handed to it is destroyed unrun
// CHECK-NOTES: :[[@LINE-9]]:8: note: 'S' is a local pointer that owns the context: run it before it goes out of scope, or hand it to code that runs it

// Options as a plain braced list, through aliases of the enumerations.
void bracedOptions() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
  auto Joined = S->spawn_joinable(work());
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: work handed to 'S' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'S', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: 'S' is a local pointer
}

// Processed on one path only.
void processedOnSomePaths() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'S' may never run: on some path 'S' is destroyed without being run
  if (failed())
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: on this path 'S', the only handle on the context, is destroyed without having been run
  while (S->process_events() > 0)
    ;
  // CHECK-NOTES: :[[@LINE-2]]:10: note: 'S' is run here on other paths
}
// CHECK-NOTES: :[[@LINE-12]]:8: note: 'S' is a local pointer

// In a template, a member function and through a macro.
#define SPAWN_ON(s) (s)->spawn_detached(work())

template <class Scheduler> void inTemplate() {
  auto S = Scheduler::make_unique(
      {.thread_strategy = Scheduler::thread_strategy_t::manual,
       .execution_strategy = Scheduler::execution_strategy_t::
           process_tasks_inline});
  SPAWN_ON(S);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'S' never runs
  // CHECK-NOTES: :[[@LINE-9]]:21: note: expanded from macro 'SPAWN_ON'
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'S', the only handle on the context, is destroyed here
  // CHECK-NOTES: :[[@LINE-8]]:8: note: 'S' is a local pointer
}
template void inTemplate<coro::scheduler>();

struct Server {
  void start() {
    auto S = coro::scheduler::make_unique(
        {.thread_strategy = Strategy::manual,
         .execution_strategy = Execution::process_tasks_inline});
    S->spawn_detached(work());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: work handed to 'S' never runs
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'S', the only handle on the context, is destroyed here
    // CHECK-NOTES: :[[@LINE-6]]:10: note: 'S' is a local pointer
  }
};

// --- Silent twins.

// The default options: the scheduler's own thread and pool run the work.
void defaultOptions() {
  auto S = coro::scheduler::make_unique();
  S->spawn_detached(work());
}

// Manual thread strategy, but tasks processed on the thread pool: the pool
// runs them.
void manualOnPool() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual});
  S->spawn_detached(work());
}

// Inline processing on the scheduler's own event thread.
void inlineOnOwnThread() {
  auto S = coro::scheduler::make_unique(
      {.execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
}

// Manual and inline, processed on every path.
void processed() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
  S->process_events(100);
}

// Handed on: the callee may process its events.
void handedOn() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
  drive(*S);
}

// Options kept in a variable: not read (the mode may be set later).
void optionsInVariable() {
  coro::scheduler::options Opts{
      .thread_strategy = Strategy::manual,
      .execution_strategy = Execution::process_tasks_inline};
  auto S = coro::scheduler::make_unique(Opts);
  S->spawn_detached(work());
}

// A mode only known at run time.
void modeAtRunTime(Strategy Chosen) {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Chosen,
       .execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
}

// Processed inside a lambda run on a thread: handed on.
template <class F> void onThread(F &&Fn) { Fn(); }
void processedOnThread() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
  S->spawn_detached(work());
  onThread([&] { S->process_events(); });
}

// Nothing handed to it.
void nothingSpawned() {
  auto S = coro::scheduler::make_unique(
      {.thread_strategy = Strategy::manual,
       .execution_strategy = Execution::process_tasks_inline});
}
