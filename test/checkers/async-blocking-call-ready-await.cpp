// RUN: %check_async_lint --check-suffix=DEFAULT %s async-blocking-call %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-blocking-call %t.custom \
// RUN:   --config="{CheckOptions: {ReadyAfterCall: 'corp::flag::set;dpp::moveable_promise::set_value'}}"

// An eager coroutine that only main runs runs on main's thread until it
// first suspends. An await of something the same path made ready is no
// suspension: a promise set the line before (a ReadyAfterCall member:
// DPP's promise setters by default), awaited itself or through the
// awaitable a member without arguments makes of it (DPP's get_awaitable),
// has await_ready true and goes on in the caller. Its true twins: a
// promise another thread sets, one set on some paths only, a later await
// that may suspend.

#include <chrono>
#include <thread>

#include "dpp/coro.h"

using namespace std::chrono_literals;

// A project's own settle-once flag, known by the option only.
namespace corp {
struct flag {
  bool done = false;
  void set() { done = true; }
  bool await_ready() const { return done; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
  void wait_for(std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }
};
} // namespace corp

#define AWAIT_SET(P, V)                                                        \
  do {                                                                         \
    (P).set_value(V);                                                          \
    co_await (P).get_awaitable();                                              \
  } while (0)

// DPP's unit test shape: set, await, then timed sync-waits.
dpp::job ready_then_wait() {
  dpp::promise<int> p;
  p.set_value(42);
  int x = co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms);
  (void)x;
}

// Through a macro, and twice in a row.
dpp::job ready_in_macro() {
  dpp::promise<int> a, b;
  AWAIT_SET(a, 1);
  b.set_value(2);
  co_await b.get_awaitable();
  std::this_thread::sleep_for(50ms);
}

template <class T> dpp::job ready_in_template(T v) {
  dpp::promise<T> p;
  p.set_value(v);
  co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms);
}

dpp::job project_flag() {
  corp::flag f;
  f.set();
  co_await f;
  corp::flag g;
  g.wait_for(50ms);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'corp::flag::wait_for' blocks the executor thread inside coroutine 'project_flag' [async-blocking-call]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: this call blocks (waiting for a result); 'co_await' the result instead
}

// True twins.
dpp::promise<int> *pending; // set by another thread

dpp::job other_thread_sets() {
  int x = co_await pending->get_awaitable();
  std::this_thread::sleep_for(50ms);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'other_thread_sets' [async-blocking-call]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'other_thread_sets' [async-blocking-call]
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
  (void)x;
}

dpp::job set_on_one_path(bool c) {
  dpp::promise<int> p;
  if (c)
    p.set_value(1);
  co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'set_on_one_path' [async-blocking-call]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'set_on_one_path' [async-blocking-call]
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
}

dpp::job ready_then_pending() {
  dpp::promise<int> p;
  p.set_value(1);
  co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms); // still in main's call
  co_await pending->get_awaitable();
  std::this_thread::sleep_for(50ms);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'ready_then_pending' [async-blocking-call]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'ready_then_pending' [async-blocking-call]
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: this call blocks (sleeping); await an asynchronous timer instead
}

void offline_tests() { // the test suite's entry, called only by main
  ready_then_wait();
  ready_in_macro();
  ready_in_template(7);
  project_flag();
  other_thread_sets();
  set_on_one_path(true);
  ready_then_pending();
  []() -> dpp::job {
    dpp::promise<int> p;
    p.set_value(1);
    co_await p.get_awaitable();
    std::this_thread::sleep_for(50ms);
  }();
}

int main() { offline_tests(); }
