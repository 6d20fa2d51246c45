// RUN: %check_async_lint %s async-work-never-run %t

// cppcoro's io_service is given work by a coroutine that awaits its
// schedule() (or schedule_after()): the coroutine resumes only in a thread
// that processes the service's events. What counts as given work here: a
// coroutine lambda, written in place (or named by a local mentioned nowhere
// else) as the argument of cppcoro::sync_wait, whose body awaits the
// schedule of a local io_service of the function. sync_wait starts that
// coroutine and waits for it; when nothing in the function runs the service
// (no process_events() before, no thread or other code given it), the
// coroutine never resumes and sync_wait never returns.

#include <thread>

#include "cppcoro/io_service.hpp"
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"

void work();
void processInBackground(cppcoro::io_service &);

// --- Reported.

void scheduledNeverProcessed() {
  cppcoro::io_service Io;
  cppcoro::sync_wait([&]() -> cppcoro::task<> {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Io' never runs: nothing runs 'Io', and this call waits for that work forever [async-work-never-run]
    co_await Io.schedule();
    // CHECK-NOTES: :[[@LINE-1]]:14: note: the coroutine started there hands the work to 'Io' here
    work();
  }());
}
// CHECK-NOTES: :[[@LINE-8]]:23: note: 'Io' is a local context: run it before it goes out of scope, or hand it to code that runs it

// A timed schedule, a named lambda, a stop() that runs nothing.
void scheduledAfterNamed() {
  cppcoro::io_service Io;
  auto Delayed = [&Io]() -> cppcoro::task<> {
    co_await Io.schedule_after(100);
  };
  Io.stop();
  cppcoro::sync_wait(Delayed());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Io' never runs: nothing runs 'Io', and this call waits for that work forever
  // CHECK-NOTES: :[[@LINE-5]]:14: note: the coroutine started there hands the work to 'Io' here
  // CHECK-NOTES: :[[@LINE-8]]:23: note: 'Io' is a local context
}

// Processed before the task is started: those events are gone by then.
#define WAIT(t) cppcoro::sync_wait(t)
template <class Service> void processedBefore() {
  Service Io;
  Io.process_pending_events();
  WAIT([&]() -> cppcoro::task<> { co_await Io.schedule(); }());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Io' never runs: nothing runs 'Io', and this call waits for that work forever
  // CHECK-NOTES: :[[@LINE-6]]:17: note: expanded from macro 'WAIT'
  // CHECK-NOTES: :[[@LINE-3]]:44: note: the coroutine started there hands the work to 'Io' here
  // CHECK-NOTES: :[[@LINE-6]]:11: note: 'Io' is a local context
}
template void processedBefore<cppcoro::io_service>();

// --- Silent twins.

// A thread processes the events.
void processedOnThread() {
  cppcoro::io_service Io;
  std::thread T([&] { Io.process_events(); });
  cppcoro::sync_wait([&]() -> cppcoro::task<> { co_await Io.schedule(); }());
  Io.stop();
  T.join();
}

// Given to code that may process its events.
void handedOn() {
  cppcoro::io_service Io;
  processInBackground(Io);
  cppcoro::sync_wait([&]() -> cppcoro::task<> { co_await Io.schedule(); }());
}

// The coroutine given the service by reference: it may run it.
cppcoro::task<> scheduleOn(cppcoro::io_service &);
void coroutineGivenService() {
  cppcoro::io_service Io;
  cppcoro::sync_wait(scheduleOn(Io));
}

// The schedule() awaited but the coroutine never started: nothing handed.
void neverStarted() {
  cppcoro::io_service Io;
  auto Task = [&]() -> cppcoro::task<> { co_await Io.schedule(); };
  auto Unstarted = Task();
}

// A schedule() not awaited in a coroutine: nothing handed.
void plainSchedule() {
  cppcoro::io_service Io;
  auto Op = Io.schedule();
}

// A plain lambda's schedule() is not an awaited hand-off.
void plainLambda() {
  cppcoro::io_service Io;
  [&] { auto Op = Io.schedule(); }();
}
