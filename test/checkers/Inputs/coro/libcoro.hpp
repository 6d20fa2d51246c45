// Mock libcoro: a lazy task, executors that start a task detached, and the
// self-deleting task they wrap it in (its promise drops the exception).
#pragma once
#include <coroutine>
#include <exception>
namespace coro {
template <class T = void> class task {
public:
  struct promise_type {
    std::exception_ptr Error;
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() noexcept { Error = std::current_exception(); }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
class thread_pool {
public:
  // Awaited, it resumes the coroutine on one of the pool's threads.
  struct schedule_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  [[nodiscard]] schedule_operation schedule();
  bool spawn_detached(task<void> &&) noexcept;
  task<void> spawn_joinable(task<void> &&) noexcept;
};
class scheduler {
public:
  bool spawn_detached(task<void> &&);
};
template <class Executor> class task_group {
public:
  explicit task_group(Executor *);
  [[nodiscard]] bool start(task<void> &&);
};
namespace detail {
class task_self_deleting;
class promise_self_deleting {
public:
  task_self_deleting get_return_object();
  std::suspend_always initial_suspend();
  std::suspend_never final_suspend() noexcept;
  void return_void() noexcept;
  void unhandled_exception();
};
class task_self_deleting {
public:
  using promise_type = promise_self_deleting;
  explicit task_self_deleting(promise_self_deleting &);
};
task_self_deleting make_task_self_deleting(task<void> user_task);
} // namespace detail
} // namespace coro
