// RUN: %check_async_lint %s async-work-never-run %t

// A thread that runs a local io_context, started before the context has any
// work and with nothing keeping it busy: io_context::run() returns as soon
// as the context has no work left, so the thread may end at once, and the
// work handed over afterwards is then run by nobody. Silent when anything
// may keep the context running (a work guard, work or an I/O object made
// before the thread starts, a run on this thread, a loop around the run,
// the context given to other code) and for runs that wait for work.

#include <thread>

#include "asio.hpp"
#include "boost/asio.hpp"
#include "stdexec/execution.hpp"

asio::awaitable<void> serve();
boost::asio::awaitable<void> serveBoost();
void job();
void serveOn(asio::io_context &);
template <class F> void later(F &&) {}

// A container of threads of one's own: emplace_back starts one in place.
template <class T> class ThreadList {
public:
  template <class... A> void emplace_back(A &&...) {}
  void joinAll() {}
};

// --- The thread may be gone when the work comes.

void postAfterThread() {
  asio::io_context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run: the thread running 'Ctx' started before it had work, and may have returned [async-work-never-run]
  // CHECK-NOTES: :[[@LINE-3]]:32: note: this run returns as soon as 'Ctx' has no work; nothing was handed to 'Ctx' before the thread started
  // CHECK-NOTES: :[[@LINE-5]]:20: note: keep 'Ctx' running with a work guard made before the thread starts, or hand 'Ctx' its work first
  Runner.join();
}

// Boost.Asio, a jthread, an explicit capture, a spawn through the executor,
// stop() at the end.
void spawnAfterJthread() {
  boost::asio::io_context Io;
  std::jthread Runner([&Io] { Io.run_one(); });
  boost::asio::co_spawn(Io.get_executor(), serveBoost(), boost::asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Io' may never run: the thread running 'Io' started before it had work, and may have returned [async-work-never-run]
  // CHECK-NOTES: :[[@LINE-3]]:34: note: this run returns as soon as 'Io' has no work
  // CHECK-NOTES: :[[@LINE-5]]:27: note: keep 'Io' running with a work guard
  Io.stop();
}

// An init capture names the context in the thread.
void runsThroughInitCapture() {
  asio::io_context Ctx;
  std::thread Runner([&C = Ctx] { C.run(); });
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run
  // CHECK-NOTES: :[[@LINE-3]]:37: note: this run returns as soon as 'Ctx' has no work
  // CHECK-NOTES: :[[@LINE-5]]:20: note: keep 'Ctx' running
  Runner.join();
}

// Work posted in a loop after the thread started (the first post decides).
void postsInLoop(int N) {
  asio::io_context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  for (int I = 0; I < N; ++I)
    Ctx.post(job);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: work handed to 'Ctx' may never run
  // CHECK-NOTES: :[[@LINE-4]]:32: note: this run returns
  // CHECK-NOTES: :[[@LINE-6]]:20: note: keep 'Ctx' running
  Ctx.stop();
  Runner.join();
}

// The thread started by a macro.
#define START_RUNNER(T, C) std::thread T([&] { C.run(); })
void macroRunner() {
  asio::io_context Ctx;
  START_RUNNER(Runner, Ctx);
  asio::co_spawn(Ctx, serve(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this run returns
  // CHECK-NOTES: :[[@LINE-7]]:50: note: expanded from macro 'START_RUNNER'
  // CHECK-NOTES: :[[@LINE-6]]:20: note: keep 'Ctx' running
  Runner.join();
}

// In a lambda's body, and in a function template.
void inLambda() {
  auto Main = [] {
    asio::io_context Ctx;
    std::thread Runner([&] { Ctx.run(); });
    asio::post(Ctx, job);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: work handed to 'Ctx' may never run
    // CHECK-NOTES: :[[@LINE-3]]:34: note: this run returns
    // CHECK-NOTES: :[[@LINE-5]]:22: note: keep 'Ctx' running
    Runner.join();
  };
  Main();
}

template <class Job> void postTemplate(Job J) {
  asio::io_context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, J);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run
  // CHECK-NOTES: :[[@LINE-3]]:32: note: this run returns
  // CHECK-NOTES: :[[@LINE-5]]:20: note: keep 'Ctx' running
  Runner.join();
}
void usePostTemplate() { postTemplate(job); }

// A pool of threads emplaced into a vector.
void threadPool(int N) {
  asio::io_context Ctx;
  ThreadList<std::thread> Pool;
  for (int I = 0; I < N; ++I)
    Pool.emplace_back([&Ctx] { Ctx.run(); });
  asio::post(Ctx, job);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' may never run
  // CHECK-NOTES: :[[@LINE-3]]:36: note: this run returns
  // CHECK-NOTES: :[[@LINE-7]]:20: note: keep 'Ctx' running
  Pool.joinAll();
}

// --- Something may keep the context running: silent.

void threadPoolGuarded(int N) {
  asio::io_context Ctx;
  auto Guard = asio::make_work_guard(Ctx);
  ThreadList<std::thread> Pool;
  for (int I = 0; I < N; ++I)
    Pool.emplace_back([&Ctx] { Ctx.run(); });
  asio::post(Ctx, job);
  Guard.reset();
  Pool.joinAll();
}

void workGuard() {
  asio::io_context Ctx;
  auto Guard = asio::make_work_guard(Ctx);
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, job);
  Guard.reset();
  Runner.join();
}

void guardOnExecutor() {
  asio::io_context Ctx;
  asio::executor_work_guard<asio::any_io_executor> Guard(Ctx.get_executor());
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, job);
  Guard.reset();
  Runner.join();
}

void workFirst() {
  asio::io_context Ctx;
  asio::co_spawn(Ctx, serve(), asio::detached);
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, job);
  Runner.join();
}

void timerFirst() {
  asio::io_context Ctx;
  asio::steady_timer Timer(Ctx);
  std::thread Runner([&] { Ctx.run(); });
  Timer.async_wait(asio::detached);
  Runner.join();
}

void runsHereToo() {
  asio::io_context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::post(Ctx, job);
  Ctx.run();
  Runner.join();
}

void runsInLoop(const bool &Stopping) {
  asio::io_context Ctx;
  std::thread Runner([&] {
    while (!Stopping)
      Ctx.run();
  });
  asio::post(Ctx, job);
  Runner.join();
}

void restartsInThread() {
  asio::io_context Ctx;
  std::thread Runner([&] {
    Ctx.run();
    Ctx.restart();
    Ctx.run();
  });
  asio::post(Ctx, job);
  Runner.join();
}

void givenToOtherCode() {
  asio::io_context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  serveOn(Ctx);
  asio::post(Ctx, job);
  Runner.join();
}

void notAThread() {
  asio::io_context Ctx;
  later([&] { Ctx.run(); });
  asio::post(Ctx, job);
}

// run_loop::run() waits for work until finish(): it does not run out.
void runLoopWaits() {
  stdexec::run_loop Loop;
  std::thread Runner([&] { Loop.run(); });
  stdexec::start_detached(stdexec::schedule(Loop.get_scheduler()));
  Loop.finish();
  Runner.join();
}
