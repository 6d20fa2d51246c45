// RUN: %check_async_lint %s async-work-never-run %t

// Work handed to a local execution context that nothing runs before the
// context is destroyed: its destructor destroys the work unrun.

#include <thread>

#include "asio.hpp"
#include "boost/asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "cppcoro/io_service.hpp"
#include "stdexec/execution.hpp"
#include "task.h"

asio::awaitable<void> serve();
asio::awaitable<void> listener(asio::io_context &);
void job();
bool failed();

// --- Never run on any path.

void spawnNeverRun() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs: nothing runs 'Ctx' before it is destroyed [async-work-never-run]
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here without having been run; the work handed to it is destroyed unrun
  // CHECK-NOTES: :[[@LINE-4]]:20: note: 'Ctx' is a local context: run it before it goes out of scope, or hand it to code that runs it
}

// stop() is not running.
void postThenStop() {
  boost::asio::io_context Ctx;
  boost::asio::post(Ctx.get_executor(), job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs: nothing runs 'Ctx' before it is destroyed [async-work-never-run]
  Ctx.stop();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ctx' is destroyed here without having been run; the work handed to it is destroyed unrun
// CHECK-NOTES: :[[@LINE-6]]:27: note: 'Ctx' is a local context

// Work posted after run() returned is not run by that run().
void runThenPost() {
  asio::io_context Ctx;
  Ctx.run();
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs: nothing runs 'Ctx' before it is destroyed [async-work-never-run]
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 'Ctx' is a local context
}

// The old member form.
void memberPost() {
  asio::io_context Ctx;
  Ctx.post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-4]]:20: note: 'Ctx' is a local context
}

// An I/O object built on the context starts work for it.
void timerWait() {
  asio::io_context Ctx;
  asio::basic_waitable_timer<int> Timer(Ctx);
  Timer.async_wait(asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 'Ctx' is a local context
}

// An executor kept in a local stands for its context.
void executorLocal() {
  asio::io_context Ctx;
  asio::any_io_executor Ex = Ctx.get_executor();
  asio::post(Ex, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 'Ctx' is a local context
}

// A manual executor that nobody loops: wait_for_task only waits for a task
// to arrive, it does not run it.
void manualNeverLooped() {
  concurrencpp::manual_executor Ex;
  Ex.post(job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' never runs: nothing runs 'Ex' before it is destroyed [async-work-never-run]
  Ex.wait_for_task();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ex' is destroyed here
// CHECK-NOTES: :[[@LINE-6]]:33: note: 'Ex' is a local context

// A run loop never drained: finish() does not run the work.
void runLoopNeverRun() {
  stdexec::run_loop Loop;
  auto Sched = Loop.get_scheduler();
  stdexec::start_detached(stdexec::schedule(Sched));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Loop' never runs
  Loop.finish();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Loop' is destroyed here
// CHECK-NOTES: :[[@LINE-7]]:21: note: 'Loop' is a local context

// A handler that only stops the context does not run it.
void stopInHandler() {
  asio::io_context Ctx;
  asio::post(Ctx, [&Ctx] { Ctx.stop(); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  asio::co_spawn(Ctx, serve(), asio::detached);
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ctx' is destroyed here
// CHECK-NOTES: :[[@LINE-6]]:20: note: 'Ctx' is a local context

// --- Run on some paths only: the note names the path that does not.

int earlyReturn() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run: on some path 'Ctx' is destroyed without being run [async-work-never-run]
  if (failed())
    return 1;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: on this path 'Ctx' is destroyed without having been run
  Ctx.run();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Ctx' is run here on other paths
  return 0;
}
// CHECK-NOTES: :[[@LINE-10]]:20: note: 'Ctx' is a local context

void runOnlyIf(bool Ready) {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run
  if (Ready)
    Ctx.poll();
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: on this path 'Ctx' is destroyed without having been run
// CHECK-NOTES: :[[@LINE-3]]:5: note: 'Ctx' is run here on other paths
// CHECK-NOTES: :[[@LINE-8]]:20: note: 'Ctx' is a local context

// --- Templates, macros, lambdas, coroutines.

template <class Context> void spawnIn() {
  Context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-4]]:11: note: 'Ctx' is a local context
}
template void spawnIn<asio::io_context>();
template void spawnIn<boost::asio::io_context>();

#define START(C) asio::co_spawn(C, serve(), asio::detached)
void fromMacro() {
  asio::io_context Ctx;
  START(Ctx);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE-5]]:18: note: expanded from macro 'START'
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 'Ctx' is a local context
}

auto Deferred = [] {
  asio::io_context Inner;
  asio::post(Inner, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Inner' never runs
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Inner' is destroyed here
  // CHECK-NOTES: :[[@LINE-4]]:20: note: 'Inner' is a local context
};

demo::task<> coroutineOwner() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  co_return;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Ctx' is destroyed here
}
// CHECK-NOTES: :[[@LINE-6]]:20: note: 'Ctx' is a local context

// A context declared in a loop dies at the end of each iteration.
void perIteration(int N) {
  for (int I = 0; I < N; ++I) {
    asio::io_context Ctx;
    asio::post(Ctx, job);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: work handed to 'Ctx' never runs
  }
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:22: note: 'Ctx' is a local context
}

// --- Silent twins.

void runsEveryPath() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  Ctx.run();
}

void runsInLoopCondition() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  while (Ctx.run_one()) {
  }
}

void runsAfterStop() {
  boost::asio::io_context Ctx;
  boost::asio::post(Ctx, job);
  Ctx.stop();
  Ctx.restart();
  Ctx.run();
}

// A thread runs it (a work guard keeps that run from returning before the
// work comes: async-work-never-run-early-thread.cpp).
void runsThroughInitCapture() {
  asio::io_context Ctx;
  auto Guard = asio::make_work_guard(Ctx);
  std::thread Runner([&C = Ctx] { C.run(); });
  asio::post(Ctx, job);
  Runner.join();
}

void runsInAnotherThread() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  std::thread Runner([&Ctx] { Ctx.run(); });
  Runner.join();
}

void runsElsewhere(asio::io_context &);
void handedToFunction() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  runsElsewhere(Ctx);
}

void registerContext(asio::io_context *);
void addressEscapes() {
  asio::io_context Ctx;
  registerContext(&Ctx);
  asio::post(Ctx, job);
}

// The coroutine is given the context itself: it may run it.
void contextPassedToCoroutine() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, listener(Ctx), asio::detached);
}

// Reduced from Boost's cpp03/timeouts/blocking_token_tcp_client.cpp: a
// completion token given the I/O object reaches its context (asio's
// query(ex, execution::context)) and runs it until the operation completes.
struct RunsUntilDone {};
RunsUntilDone closeAfter(int Seconds, asio::basic_waitable_timer<int> &T);
void tokenRunsContext() {
  asio::io_context Ctx;
  asio::basic_waitable_timer<int> Timer(Ctx);
  asio::post(Ctx, job);
  closeAfter(10, Timer);
}

// Someone else's context: a parameter, a member, a global, a reference.
void parameter(asio::io_context &Ctx) { asio::post(Ctx, job); }
struct Server {
  asio::io_context Ctx;
  void start() { asio::post(Ctx, job); }
};
asio::io_context GlobalCtx;
void global() { asio::post(GlobalCtx, job); }
void throughReference() {
  static asio::io_context Shared;
  asio::io_context &Ref = Shared;
  asio::post(Ref, job);
}

// A context nothing is handed to needs no run.
void idle() {
  asio::io_context Ctx;
  Ctx.stop();
}

// A path that throws leaves the function exceptionally: not followed.
void throwsBeforeRun() {
  asio::io_context Ctx;
  asio::post(Ctx, job);
  if (failed())
    throw 1;
  Ctx.run();
}

void strandAndRun() {
  asio::io_context Ctx;
  auto Strand = asio::make_strand(Ctx);
  asio::post(Strand, job);
  Ctx.run();
}

void manualLooped() {
  concurrencpp::manual_executor Ex;
  Ex.post(job);
  Ex.loop_once();
}

void runLoopRun() {
  stdexec::run_loop Loop;
  stdexec::start_detached(stdexec::schedule(Loop.get_scheduler()));
  Loop.finish();
  Loop.run();
}

// cppcoro: coroutines reach an io_service by reference; nothing to report.
void ioServiceProcessed() {
  cppcoro::io_service Io;
  Io.process_events();
}

// A lazy task kept in a local and dropped is async-discarded-awaitable's
// finding (a named local that dies unawaited); this check says nothing.
demo::task<> work();
void lazyTaskKept() { demo::task<> Kept = work(); }
