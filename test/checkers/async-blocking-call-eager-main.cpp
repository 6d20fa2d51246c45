// RUN: %check_async_lint %s async-blocking-call %t

// An eager coroutine runs inside its caller until it first suspends. Called
// only from main (directly, or from eager coroutines before they first
// suspend, or from plain functions only main calls), that code runs on
// main's own thread, which runs no executor during the call: a blocking
// call there is not reported (corolib's tutorials). After a suspension, or
// with a caller that is not known to run on main's thread, it is.

#include <chrono>
#include <coroutine>
#include <thread>

#include "task.h"

using namespace std::chrono_literals;

// Eager: runs inside its caller until it first suspends.
template <class T = void> struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};

struct event {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
extern event done;
void start_worker_threads();
void nap() { std::this_thread::sleep_for(1ms); }

// The reduction (R4).
demo::fire_and_forget driver() {
  start_worker_threads();
  std::this_thread::sleep_for(10ms);
  co_await done;
}

// p1220's chain: inner has no suspension point at all; outer calls it
// before its own first suspension, and only main calls outer.
eager<int> inner() {
  std::this_thread::sleep_for(10ms);
  co_return 1;
}

eager<int> outer() {
  eager<int> a = inner();
  nap();
  int v = co_await a;
  co_return v + 1;
}

// A template, and a plain function that only main calls.
template <class T> eager<T> drive_with(T value) {
  std::this_thread::sleep_for(1ms);
  co_await done;
  co_return value;
}

static demo::fire_and_forget paced() {
  for (int i = 0; i < 3; ++i)
    std::this_thread::sleep_for(1ms);
  co_await done;
}

void run_paced() { paced(); }

// Positive twins.

// The R4 twin: after a suspension the coroutine runs where it is resumed.
demo::fire_and_forget after_resume() {
  co_await done;
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'after_resume' [async-blocking-call]
}

// Also called from a lambda handed to a thread pool.
demo::fire_and_forget also_posted() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_await done;
}

// Its address is taken: the unit does not show every caller.
demo::fire_and_forget by_pointer() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_await done;
}

// Called by an eager coroutine after that one has suspended.
eager<int> late_inner() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return 1;
}

eager<int> late_outer() {
  co_await done;
  eager<int> a = late_inner();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: call to 'late_inner' blocks the executor thread inside coroutine 'late_outer' [async-blocking-call]
  co_return co_await a;
}

// A lazy coroutine runs where it is started or awaited, not in main's call.
demo::task<> lazy_one() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}

// No caller in the unit.
demo::fire_and_forget never_called() {
  std::this_thread::sleep_for(10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_await done;
}

int main() {
  driver();
  for (int i = 0; i < 3; ++i)
    outer();
  drive_with(3);
  run_paced();
  also_posted();
  demo::thread_pool pool;
  pool.post([] { also_posted(); });
  auto *start = &by_pointer;
  start();
  late_outer();
  lazy_one();
}
