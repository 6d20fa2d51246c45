// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose task type's destructor joins the coroutine (it
// blocks on a flag in the promise until the final suspend): dropping the
// task ends the statement only once the coroutine is done with the
// closure. Twins: a task type whose destructor does not wait, and one that
// waits on something other than its promise.

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

#define RUN(TASK) (TASK)()

bool joined_closure() {
  bool requested = false;
  {
    auto run = [&]() -> joining_task<void> {
      co_await elsewhere();
      requested = true;
    };
    run();
  }
  return requested;
}

bool joined_generic_closure_macro() {
  bool requested = false;
  {
    auto run = [&](auto... none) -> joining_task<void> {
      co_await elsewhere();
      requested = true;
    };
    RUN(run);
  }
  return requested;
}

// Twins.
bool detached_closure() {
  bool requested = false;
  {
    auto run = [&]() -> detached_task {
      co_await elsewhere();
      requested = true;
    };
    run();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'run' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  }
  return requested;
}

bool waits_on_other_state() {
  bool requested = false;
  {
    auto run = [&]() -> waits_elsewhere {
      co_await elsewhere();
      requested = true;
    };
    RUN(run);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'run' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  }
  return requested;
}
