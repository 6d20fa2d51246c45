// Task types for the joining-task tests of async-dangling-reference and
// async-lambda-capture-lifetime: joining_task's destructor requests stop and
// blocks on a flag in its promise until the coroutine is done (as
// std::jthread joins its thread); waits_elsewhere's destructor waits on a
// global instead; detached_task's destructor does not wait.

#ifndef ASYNC_LINT_TEST_JOINING_TASK_H
#define ASYNC_LINT_TEST_JOINING_TASK_H

#include <atomic>
#include <coroutine>

struct flag {
  std::atomic<bool> done{false};
  void wait() { done.wait(false); }
  void set() { done.store(true); }
};

template <class T> struct joining_task {
  struct promise_type {
    flag stopped;
    std::atomic<bool> stop_requested{false};
    joining_task get_return_object() {
      return joining_task{
          std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> handle_;
  explicit joining_task(std::coroutine_handle<promise_type> h) : handle_(h) {}
  ~joining_task() { cancel_and_join(); }
  void join() {
    handle_.promise().stopped.wait();
    handle_.destroy();
  }

private:
  void cancel_and_join() {
    if (handle_) {
      handle_.promise().stop_requested.store(true);
      join();
    }
  }
};

flag global_flag;
struct waits_elsewhere {
  struct promise_type {
    waits_elsewhere get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  ~waits_elsewhere() { global_flag.wait(); }
};

struct detached_task {
  struct promise_type {
    detached_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  ~detached_task() {}
};

struct hop {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
hop elsewhere();

#endif // ASYNC_LINT_TEST_JOINING_TASK_H
