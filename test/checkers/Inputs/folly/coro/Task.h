#pragma once
#include <coroutine>
namespace folly {
struct Executor {};
} // namespace folly
namespace folly::coro {
template <class T = void> class TaskWithExecutor {
public:
  void start() &&;
};
template <class T = void> class Task {
public:
  TaskWithExecutor<T> scheduleOn(Executor *) &&;
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
// Calls the function object and keeps it alive in the task it returns.
template <class F> auto co_invoke(F &&f) -> decltype(f()) { return f(); }
} // namespace folly::coro
