// RUN: %check_async_lint %s async-blocking-call %t

// A branch that runs only when the coroutine has no executor stalls no
// executor thread: async_simple's sleep(dur) asks for its executor and,
// without one, falls back to sleeping the thread on purpose. Its twins block
// where the coroutine has an executor.

#include <chrono>
#include <thread>

#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::CurrentExecutor;
using async_simple::coro::Lazy;

Lazy<> sleep_on(Executor *ex, std::chrono::milliseconds dur);

Lazy<> sleep(std::chrono::milliseconds dur) {
  auto ex = co_await CurrentExecutor();
  if (!ex) {
    std::this_thread::sleep_for(dur);
    co_return;
  }
  co_await sleep_on(ex, dur);
}

Lazy<> sleep_else(std::chrono::milliseconds dur) {
  Executor *ex = co_await CurrentExecutor();
  if (ex != nullptr)
    co_await sleep_on(ex, dur);
  else
    std::this_thread::sleep_for(dur);
}

Lazy<> sleeps_with_executor(std::chrono::milliseconds dur) {
  auto ex = co_await CurrentExecutor();
  if (ex) {
    std::this_thread::sleep_for(dur);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'sleeps_with_executor' [async-blocking-call]
  }
  co_return;
}

Executor *global_executor();
Lazy<> null_test_of_another_pointer(std::chrono::milliseconds dur) {
  Executor *ex = global_executor();
  if (!ex)
    std::this_thread::sleep_for(dur);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'null_test_of_another_pointer' [async-blocking-call]
  co_await sleep_on(ex, dur);
}
