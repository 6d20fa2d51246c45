// A few concurrencpp declarations for the recall corpus, written for it:
// result<T> is an eager coroutine type that can be awaited or blocked on
// with get(); when_all gathers results.
#pragma once
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace concurrencpp {
template <class T> class result {
public:
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  T get(); // blocks the calling thread until the result is ready
  void wait();
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return T{}; }
};
template <> class result<void> {
public:
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  void get();
  void wait();
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};
struct executor_tag {};
// A coroutine type whose result nobody can await (post() tasks).
struct null_result {
  struct promise_type {
    null_result get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};
struct resume_on_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};
class executor {
public:
  // Queues the callable; a worker thread calls it once and destroys it.
  template <class F> void post(F &&f) {
    enqueue(std::function<void()>(std::forward<F>(f)));
  }
  void enqueue(std::function<void()> task);
};
resume_on_awaitable resume_on(std::shared_ptr<executor>);
class thread_pool_executor {};
template <class It>
result<std::vector<result<void>>>
when_all(std::shared_ptr<thread_pool_executor> ex, It b, It e) {
  co_return std::vector<result<void>>{};
}
} // namespace concurrencpp
