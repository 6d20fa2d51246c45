// A coroutine handed to an io_context that only one thread runs blocks that
// thread on a future of work it handed to the same context: the work can
// never run. async-circular-wait reports it; async-blocking-call, run with
// it, leaves that call to it (one finding, the stronger claim), and reports
// the call as blocking when it runs alone.
// RUN: %check_async_lint --check-suffix=BOTH %s async-circular-wait,async-blocking-call %t.both
// RUN: %check_async_lint --check-suffix=ALONE %s async-blocking-call %t.alone

#include "asio.hpp"
#include "boost/asio.hpp"
#include <future>
#include <thread>

asio::awaitable<void> work();

asio::awaitable<void> serve() {
  auto ex = co_await asio::this_coro::executor;
  auto done = asio::co_spawn(ex, work(), asio::use_future);
  done.get();
  // CHECK-NOTES-BOTH: :[[@LINE-1]]:8: warning: 'get' blocks the only thread that runs 'ctx', which the work it waits for needs: it never returns [async-circular-wait]
  // CHECK-NOTES-BOTH: :[[@LINE-3]]:15: note: the work is handed to 'ctx' here, and runs only when its thread is free
  // CHECK-NOTES-BOTH: :[[@LINE+7]]:3: note: 'serve' runs on 'ctx': it is handed to it here
  // CHECK-NOTES-BOTH: :[[@LINE+7]]:3: note: 'ctx' is run only here, by this thread: await the work, do not block
  // CHECK-MESSAGES-ALONE: :[[@LINE-5]]:8: warning: 'std::future::get' blocks the executor thread inside coroutine 'serve'
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, serve(), asio::detached);
  ctx.run();
}

// Boost.Asio spelling; the future waited on without a variable, the
// executor awaited in place; the context's executor handed over.
boost::asio::awaitable<void> boost_work();
boost::asio::awaitable<void> boost_serve() {
  boost::asio::co_spawn(co_await boost::asio::this_coro::executor,
                        boost_work(), boost::asio::use_future)
      .wait();
  // CHECK-NOTES-BOTH: :[[@LINE-1]]:8: warning: 'wait' blocks the only thread that runs 'io', which the work it waits for needs: it never returns [async-circular-wait]
  // CHECK-NOTES-BOTH: :[[@LINE-4]]:3: note: the work is handed to 'io' here, and runs only when its thread is free
  // CHECK-NOTES-BOTH: :[[@LINE+6]]:3: note: 'boost_serve' runs on 'io': it is handed to it here
  // CHECK-NOTES-BOTH: :[[@LINE+6]]:3: note: 'io' is run only here, by this thread: await the work, do not block
  // CHECK-MESSAGES-ALONE: :[[@LINE-5]]:8: warning: 'std::future::wait' blocks the executor thread inside coroutine 'boost_serve'
}
void boost_main() {
  boost::asio::io_context io;
  boost::asio::co_spawn(io.get_executor(), boost_serve(), boost::asio::detached);
  io.run();
}

// ---- Not single-threaded, or the work does not need the context: silent
// here; async-blocking-call reports the blocking call as it does alone (for
// the work handed to another context it stays silent, as alone).

asio::awaitable<void> serve_threads() {
  auto ex = co_await asio::this_coro::executor;
  auto done = asio::co_spawn(ex, work(), asio::use_future);
  done.get();
  // CHECK-NOTES-BOTH: :[[@LINE-1]]:8: warning: 'std::future::get' blocks the executor thread inside coroutine 'serve_threads'
  // CHECK-NOTES-BOTH: :[[@LINE-2]]:8: note: this call blocks (waiting for a result); 'co_await' the result instead
  // CHECK-MESSAGES-ALONE: :[[@LINE-3]]:8: warning: 'std::future::get' blocks the executor thread inside coroutine 'serve_threads'
}
void two_threads() {
  asio::io_context ctx;
  asio::co_spawn(ctx, serve_threads(), asio::detached);
  std::thread helper([&] { ctx.run(); });
  ctx.run();
  helper.join();
}

asio::awaitable<void> serve_other(asio::io_context &other) {
  auto done = asio::co_spawn(other, work(), asio::use_future);
  done.get();
}
void other_context(asio::io_context &other) {
  asio::io_context ctx;
  asio::co_spawn(ctx, serve_other(other), asio::detached);
  ctx.run();
}

// Handed to a function that may run it on other threads.
void run_elsewhere(asio::io_context &);
asio::awaitable<void> serve_escaped() {
  auto ex = co_await asio::this_coro::executor;
  asio::co_spawn(ex, work(), asio::use_future).get();
  // CHECK-NOTES-BOTH: :[[@LINE-1]]:48: warning: 'std::future::get' blocks the executor thread inside coroutine 'serve_escaped'
  // CHECK-NOTES-BOTH: :[[@LINE-2]]:48: note: this call blocks (waiting for a result); 'co_await' the result instead
  // CHECK-MESSAGES-ALONE: :[[@LINE-3]]:48: warning: 'std::future::get' blocks the executor thread inside coroutine 'serve_escaped'
}
void escaped() {
  asio::io_context ctx;
  asio::co_spawn(ctx, serve_escaped(), asio::detached);
  run_elsewhere(ctx);
  ctx.run();
}
