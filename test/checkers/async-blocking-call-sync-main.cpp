// RUN: %check_async_lint %s async-blocking-call %t

// A lazy coroutine that only a sync-wait made in main starts, with no
// executor bound, runs on main's own thread until it first suspends, and
// main waits in the sync-wait anyway: a blocking call there stalls no
// executor (cinatra's examples, holdout reduction R2). So does a lazy child
// that such a coroutine awaits before its own first suspension. After a
// suspension, with an executor bound, or with a caller not known to run on
// main's thread, the call is reported.

#include <chrono>
#include <thread>

#include "async_simple/Executors.h"
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"
#include "folly/coro/BlockingWait.h"
#include "folly/coro/Task.h"

using namespace std::chrono_literals;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

async_simple::Executor *pool();
Lazy<> fetch();
void register_case(void (*)());

// R2: before the first co_await, main runs the coroutine.
Lazy<> example() {
  std::this_thread::sleep_for(200ms);
  co_await fetch();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'example' [async-blocking-call]
}

// The chain: a child awaited before the parent first suspends starts on
// the parent's thread; one awaited after it does not.
Lazy<int> child() {
  std::this_thread::sleep_for(1ms);
  co_return 1;
}
Lazy<int> late_child() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return 2;
}
Lazy<> parent() {
  int a = co_await child();
  int b = co_await late_child();
  (void)(a + b);
}

// A template, a macro, a plain function only main calls, and cppcoro.
template <class T> Lazy<T> generic(T v) {
  std::this_thread::sleep_for(1ms);
  co_return v;
}
#define RUN_SYNC(task) syncAwait(task)
Lazy<> through_macro() {
  std::this_thread::sleep_for(1ms);
  co_await fetch();
}
Lazy<> from_helper() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
void run_helper() { syncAwait(from_helper()); }
cppcoro::task<> cpp_task() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
folly::coro::Task<> folly_task() {
  std::this_thread::sleep_for(1ms);
  co_return;
}

// Positive twins.

// Bound to an executor: it starts on the executor's thread.
Lazy<> handler() {
  std::this_thread::sleep_for(200ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'handler' [async-blocking-call]
  co_await fetch();
}
Lazy<> on_executor() {
  std::this_thread::sleep_for(200ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'on_executor' [async-blocking-call]
  co_await fetch();
}

// Also started elsewhere.
Lazy<> also_started() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'also_started' [async-blocking-call]
  co_return;
}
void kick_off() {
  also_started().via(pool()).detach();
}

// A test framework's case, registered by a namespace-scope variable's
// initialiser, runs on main's thread too
// (async-blocking-call-registered-case.cpp has the forms and the twins).
Lazy<> in_test_case() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
static void test_case() { syncAwait(in_test_case()); }
static int registered = (register_case(&test_case), 0);

// folly: scheduled on an executor.
folly::coro::Task<> folly_scheduled() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'folly_scheduled' [async-blocking-call]
  co_return;
}

// Awaited inside a combinator-like call: not followed.
template <class T> Lazy<T> wrap(Lazy<T> t) { co_return co_await t; }
Lazy<int> wrapped() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'wrapped' [async-blocking-call]
  co_return 3;
}

int main() {
  syncAwait(example());
  syncAwait(parent());
  syncAwait(generic(3));
  RUN_SYNC(through_macro());
  run_helper();
  cppcoro::sync_wait(cpp_task());
  folly::coro::blockingWait(folly_task());
  folly::coro::blockingWait(folly_scheduled().scheduleOn(nullptr));
  syncAwait(handler().via(pool()));
  syncAwait(on_executor(), pool());
  syncAwait(also_started());
  syncAwait(wrap(wrapped()));
  // A lambda only a sync-wait runs (SyncWaitStarts) is silent; one bound to
  // an executor stays reported.
  auto inline_lambda = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    co_return;
  };
  syncAwait(inline_lambda());
  auto lambda = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  syncAwait(lambda().via(pool()));
}
