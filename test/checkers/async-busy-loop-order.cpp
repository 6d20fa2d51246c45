// RUN: %check_async_lint %s async-busy-loop %t
// RUN: %check_async_lint %s async-busy-loop %t.posted -- -- -DPOSTED_FIRST

// Whether a task type is eager is a fact of the type, not of the order in
// which the unit defines its coroutines. job<T> is eager, except that its
// coroutine_traits post a coroutine whose first parameter is on_pool_t to a
// pool (the shape of concurrencpp's executor_tag): such a coroutine runs
// without being awaited too, so it is eager as well. Both RUN lines define
// the same coroutines, in two orders, and expect the same finding.

#include "task.h"
#include <atomic>

void post(std::coroutine_handle<>);

template <class T> struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};

struct on_pool_t {};
struct pool {};

// The initial awaiter suspends, then hands the coroutine to the pool.
struct posting {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { post(h); }
  void await_resume() const noexcept {}
};
template <class T> struct posted_promise : job<T>::promise_type {
  posting initial_suspend() noexcept { return {}; }
};
template <class T, class... A>
struct std::coroutine_traits<job<T>, on_pool_t, pool &, A...> {
  using promise_type = posted_promise<T>;
};

std::atomic<bool> ready;

#ifdef POSTED_FIRST
job<int> on_pool(on_pool_t, pool &) { co_return 1; }
#endif
job<int> computed(int x) { co_return x; }
#ifndef POSTED_FIRST
job<int> on_pool(on_pool_t, pool &) { co_return 1; }
#endif

// Awaiting an eager job again and again: ready after the first time.
demo::task<> spin_on_ready_job() {
  job<int> j = computed(1);
  while (!ready.load()) {
    co_await j;
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:3: warning: loop suspends at most on its first iteration: while it spins, no other task on this executor runs [async-busy-loop]
}
