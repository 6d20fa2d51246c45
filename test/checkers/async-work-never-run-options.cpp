// Defaults: every library preset, no list entries of its own.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-work-never-run %t.default
// A function listed in IgnoredFunctions is not judged.
// RUN: %check_async_lint --check-suffix=IGNORED %s async-work-never-run %t.ignored \
// RUN:   --config="{CheckOptions: {async-work-never-run.IgnoredFunctions: 'legacy::spawnOnly'}}"
// Only the stdexec preset: asio's contexts are not known, the run loop is.
// RUN: %check_async_lint --check-suffix=STDEXEC %s async-work-never-run %t.stdexec \
// RUN:   --config="{CheckOptions: {async-work-never-run.Libraries: 'stdexec'}}"
// A library of one's own, added to the presets through the list options.
// RUN: %check_async_lint --check-suffix=CORP %s async-work-never-run %t.corp \
// RUN:   --config="{CheckOptions: {async-work-never-run.ContextTypes: 'corp::Loop', async-work-never-run.HandOffFunctions: 'corp::Loop::enqueue;corp::submit', async-work-never-run.RunFunctions: 'corp::Loop::drain', async-work-never-run.ExecutorAccessors: 'corp::Loop::handle', async-work-never-run.OutOfWorkRuns: 'corp::Loop::drain', async-work-never-run.ThreadTypes: 'corp::Worker'}}"
// A maker whose context needs running only in a mode its options select,
// and a function of one's own that calls the lambda it is given at once.
// RUN: %check_async_lint --check-suffix=MODES %s async-work-never-run %t.modes \
// RUN:   --config="{CheckOptions: {async-work-never-run.ContextTypes: 'corp::Reactor', async-work-never-run.HandOffFunctions: 'corp::Reactor::add', async-work-never-run.ModeMakers: 'corp::Reactor::make', async-work-never-run.ManualModes: 'corp::Reactor::Mode::polled', async-work-never-run.InvokeFunctions: 'corp::callNow'}}"

#include "asio.hpp"
#include "stdexec/execution.hpp"
#include "unique_ptr.h"

asio::awaitable<void> serve();
void job();

namespace legacy {
void spawnOnly() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs: nothing runs 'Ctx' before it is destroyed [async-work-never-run]
  // CHECK-MESSAGES-CORP: :[[@LINE-2]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-MESSAGES-MODES: :[[@LINE-3]]:3: warning: work handed to 'Ctx' never runs
}
} // namespace legacy

void loopOnly() {
  stdexec::run_loop Loop;
  stdexec::start_detached(stdexec::schedule(Loop.get_scheduler()));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: work handed to 'Loop' never runs
  // CHECK-MESSAGES-IGNORED: :[[@LINE-2]]:3: warning: work handed to 'Loop' never runs
  // CHECK-MESSAGES-STDEXEC: :[[@LINE-3]]:3: warning: work handed to 'Loop' never runs
  // CHECK-MESSAGES-CORP: :[[@LINE-4]]:3: warning: work handed to 'Loop' never runs
  // CHECK-MESSAGES-MODES: :[[@LINE-5]]:3: warning: work handed to 'Loop' never runs
}

namespace corp {
struct Handle {};
class Loop {
public:
  void enqueue(void (*)());
  void drain();
  Handle handle();
};
void submit(Handle, void (*)());
} // namespace corp

void corpNeverDrained() {
  corp::Loop L;
  L.enqueue(job);
  // CHECK-MESSAGES-CORP: :[[@LINE-1]]:3: warning: work handed to 'L' never runs
}

void corpHandle() {
  corp::Loop L;
  corp::submit(L.handle(), job);
  // CHECK-MESSAGES-CORP: :[[@LINE-1]]:3: warning: work handed to 'L' never runs
}

void corpDrained() {
  corp::Loop L;
  L.enqueue(job);
  L.drain();
}

namespace corp {
class Reactor {
public:
  enum class Mode { threaded, polled };
  struct Options {
    Mode mode = Mode::threaded;
  };
  static std::unique_ptr<Reactor> make(Options);
  void add(void (*)());
  void poll();
};
template <class F> void callNow(F &&Fn) { Fn(); }
} // namespace corp

void corpPolledNeverPolled() {
  auto R = corp::Reactor::make({.mode = corp::Reactor::Mode::polled});
  R->add(job);
  // CHECK-MESSAGES-MODES: :[[@LINE-1]]:3: warning: work handed to 'R' never runs
}

void corpThreaded() {
  auto R = corp::Reactor::make({.mode = corp::Reactor::Mode::threaded});
  R->add(job);
}

void corpCalledNow() {
  auto R = corp::Reactor::make({.mode = corp::Reactor::Mode::polled});
  corp::callNow([&] { R->add(job); });
  // CHECK-MESSAGES-MODES: :[[@LINE-1]]:3: warning: work handed to 'R' never runs
}

// A worker thread of one's own that drains a loop, started before the loop
// has work: drain() returns once the loop is empty (OutOfWorkRuns).
namespace corp {
class Worker {
public:
  template <class F> explicit Worker(F &&) {}
  void join();
};
} // namespace corp

void corpWorkerBeforeWork() {
  corp::Loop L;
  corp::Worker W([&] { L.drain(); });
  L.enqueue(job);
  // CHECK-MESSAGES-CORP: :[[@LINE-1]]:3: warning: work handed to 'L' may never run: the thread running 'L' started before it had work, and may have returned [async-work-never-run]
  W.join();
}
