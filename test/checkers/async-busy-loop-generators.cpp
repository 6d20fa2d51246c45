// RUN: %check_async_lint %s async-busy-loop %t

// An awaitable generator (its promise has yield_value) goes on after each
// value it hands over: every await of it may suspend, also when it is
// eager and declared outside the loop, so a loop that drains it yields on
// each round. An eager task, which completes once, is still ready after
// its first await (Boost.Cobalt's `while (g) co_await g;`, measured from
// outside at stop 25).

#include "task.h"
#include <atomic>

// An eager awaitable generator: it runs to its first value when created.
template <class T> struct agen {
  struct promise_type {
    agen get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  explicit operator bool() const;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};

// An eager task: it completes once.
struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};

agen<int> count_to(int N) {
  for (int I = 0; I < N; ++I)
    co_yield I;
  co_return N;
}
eager start_eager();
std::atomic<bool> Ready;

demo::task<int> drain() {
  int Sum = 0;
  auto G = count_to(10);
  while (G)
    Sum += co_await G;
  co_return Sum;
}

// The generator's rounds depend on a flag the loop does not change; still
// each await resumes the generator, which may suspend.
demo::task<int> drain_until_flag() {
  int Sum = 0;
  agen<int> G = count_to(100);
  while (!Ready.load())
    Sum += co_await G;
  co_return Sum;
}

// A member generator and a template.
struct reader {
  agen<int> Lines = count_to(3);
  demo::task<int> read_all() {
    int N = 0;
    while (Lines)
      N += co_await Lines;
    co_return N;
  }
};

template <class Gen> demo::task<int> drain_any(Gen G) {
  int Sum = 0;
  while (G)
    Sum += co_await G;
  co_return Sum;
}
template demo::task<int> drain_any(agen<int>);

// The twins: an eager task awaited again in the loop is ready after its
// first await.
demo::task<> eager_twice() {
  eager Op = start_eager();
  while (!Ready.load()) {
    co_await Op;
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop suspends at most on its first iteration: while it spins, no other task on this executor runs
  // CHECK-NOTES: :[[@LINE-4]]:10: note: this condition depends only on state the loop does not change
}

#define SPIN_AWAIT(X)                                                          \
  while (!Ready.load())                                                        \
  co_await (X)

demo::task<> eager_in_macro() {
  eager Op = start_eager();
  SPIN_AWAIT(Op);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop suspends at most on its first iteration: while it spins, no other task on this executor runs
  // CHECK-NOTES: :[[@LINE-7]]:3: note: expanded from macro 'SPIN_AWAIT'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this condition depends only on state the loop does not change
  // CHECK-NOTES: :[[@LINE-9]]:10: note: expanded from macro 'SPIN_AWAIT'
}
