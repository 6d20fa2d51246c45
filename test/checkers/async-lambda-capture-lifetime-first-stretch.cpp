// A spawn that runs a coroutine lambda up to its first suspension before it
// returns (DispatchingSpawns, given the caller's own executor as an await of
// an OwnExecutorAwaitables operand yields it): the lambda's uses of a local
// captured by reference before that suspension happen while the local
// lives. An in-house library: without the two lists its spawn is only a
// spawn, and every use counts; with them, only the uses after the first
// suspension.
// RUN: %check_async_lint --check-suffix=PLAIN %s async-lambda-capture-lifetime %t.plain \
// RUN:   --config="{CheckOptions: {SpawnFunctions: 'corp::start_here'}}"
// RUN: %check_async_lint --check-suffix=LISTED %s async-lambda-capture-lifetime %t.listed \
// RUN:   --config="{CheckOptions: {SpawnFunctions: 'corp::start_here', \
// RUN:     async-lambda-capture-lifetime.DispatchingSpawns: 'corp::start_here', \
// RUN:     async-lambda-capture-lifetime.OwnExecutorAwaitables: 'corp::own_executor_t'}}"

#include <coroutine>

namespace corp {
struct executor {};
struct own_executor_t {};
inline constexpr own_executor_t own_executor{};
struct job;
struct job_promise {
  job get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() {}
  struct executor_awaiter {
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    executor await_resume() const { return {}; }
  };
  executor_awaiter await_transform(own_executor_t) { return {}; }
  template <class A> A &&await_transform(A &&a) { return static_cast<A &&>(a); }
};
struct job {
  using promise_type = job_promise;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline job job_promise::get_return_object() { return {}; }
template <class F> void start_here(executor, F &&) {}
struct counter {
  job tick();
  void reset();
  void add(int);
};
struct number {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};
} // namespace corp

corp::job pause();

corp::job first_stretch_only() {
  corp::executor ex = co_await corp::own_executor;
  corp::counter c;
  corp::start_here(ex, [&]() -> corp::job { co_await c.tick(); });
  // CHECK-NOTES-PLAIN: :[[@LINE-1]]:54: warning: local 'c' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
  // CHECK-NOTES-PLAIN: :[[@LINE-2]]:3: note: the task is spawned here
  // CHECK-NOTES-PLAIN: :[[@LINE+3]]:1: note: 'c' is destroyed here
  // CHECK-NOTES-PLAIN: :[[@LINE-4]]:54: note: 'c' is used here, when the task runs
  co_await pause();
}

corp::job used_after_suspending() {
  corp::counter c;
  corp::start_here(co_await corp::own_executor, [&]() -> corp::job {
    co_await c.tick();
    c.reset();
  });
}
// CHECK-NOTES-PLAIN: :[[@LINE-4]]:14: warning: local 'c' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
// CHECK-NOTES-PLAIN: :[[@LINE-6]]:3: note: the task is spawned here
// CHECK-NOTES-PLAIN: :[[@LINE-3]]:1: note: 'c' is destroyed here
// CHECK-NOTES-PLAIN: :[[@LINE-7]]:14: note: 'c' is used here, when the task runs
// CHECK-NOTES-LISTED: :[[@LINE-8]]:14: warning: local 'c' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
// CHECK-NOTES-LISTED: :[[@LINE-10]]:3: note: the task is spawned here
// CHECK-NOTES-LISTED: :[[@LINE-7]]:1: note: 'c' is destroyed here
// CHECK-NOTES-LISTED: :[[@LINE-10]]:5: note: 'c' is used here, after the coroutine may have suspended

// A call reads its object when it runs, after its argument suspended: 'c'
// is used after the first suspension although it is named before it.
corp::job used_by_a_call_after_suspending() {
  corp::counter c;
  corp::start_here(co_await corp::own_executor, [&]() -> corp::job {
    c.add(co_await corp::number{});
  });
}
// CHECK-NOTES-PLAIN: :[[@LINE-3]]:5: warning: local 'c' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
// CHECK-NOTES-PLAIN: :[[@LINE-5]]:3: note: the task is spawned here
// CHECK-NOTES-PLAIN: :[[@LINE-3]]:1: note: 'c' is destroyed here
// CHECK-NOTES-PLAIN: :[[@LINE-6]]:5: note: 'c' is used here, when the task runs
// CHECK-NOTES-LISTED: :[[@LINE-7]]:5: warning: local 'c' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
// CHECK-NOTES-LISTED: :[[@LINE-9]]:3: note: the task is spawned here
// CHECK-NOTES-LISTED: :[[@LINE-7]]:1: note: 'c' is destroyed here
// CHECK-NOTES-LISTED: :[[@LINE-10]]:5: note: 'c' is used here, after the coroutine may have suspended
