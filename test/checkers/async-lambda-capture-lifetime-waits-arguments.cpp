// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Lifetimes the function waits out, with the counter handed to the task as
// an argument: a coroutine lambda takes the function's counter by reference
// (`make(done)`) and changes it after its last use of a capture; the
// function spins until the counter has changed before the closure and the
// captured locals die. The lambda called in place is found as the task's
// start. Twins: a capture used after the change, a counter the task is not
// given, a spin on one path only.

#include <atomic>
#include <coroutine>

struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct hop {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  bool await_resume();
};
hop elsewhere();

int spin_on_argument() {
  int errors = 0;
  auto make = [&](std::atomic<int> &done) -> job {
    co_await elsewhere();
    ++errors;
    done.fetch_add(1);
    if (done.load() == 4)
      done.notify_one();
  };
  std::atomic<int> done = 0;
  for (int i = 0; i < 4; ++i)
    make(done);
  while (done.load() != 4)
    done.wait(done.load());
  return errors;
}

// A generic lambda, started through a macro.
#define START(TASK, ARG) (TASK)(ARG)
int spin_on_generic_argument() {
  int errors = 0;
  auto make = [&](auto &done) -> job {
    co_await elsewhere();
    ++errors;
    ++done;
  };
  std::atomic<int> done = 0;
  START(make, done);
  while (done.load() != 1) {
  }
  return errors;
}

// The counter is a capture itself (the direct call of the lambda is its start).
int spin_on_capture() {
  int errors = 0;
  std::atomic<int> done = 0;
  auto make = [&]() -> job {
    co_await elsewhere();
    ++errors;
    done.fetch_add(1);
  };
  make();
  while (done.load() != 1) {
  }
  return errors;
}

// Twin: the task uses a capture after the change the function waits for.
int spin_used_after() {
  int errors = 0;
  auto make = [&](std::atomic<int> &done) -> job {
    co_await elsewhere();
    done.fetch_add(1);
    ++errors;
  };
  std::atomic<int> done = 0;
  for (int i = 0; i < 4; ++i)
    make(done);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'make' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (done.load() != 4)
    done.wait(done.load());
  return errors;
}

// Twin: the task is given another counter than the one the function spins on.
int spin_on_other() {
  int errors = 0;
  auto make = [&](std::atomic<int> &done) -> job {
    co_await elsewhere();
    ++errors;
    done.fetch_add(1);
  };
  std::atomic<int> done = 0;
  std::atomic<int> other = 0;
  make(other);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'make' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (done.load() != 1) {
  }
  return errors;
}

// Twin (macro, generic lambda): the function spins on one path only.
int spin_sometimes(bool wait) {
  int errors = 0;
  auto make = [&](auto &done) -> job {
    co_await elsewhere();
    ++errors;
    ++done;
  };
  std::atomic<int> done = 0;
  START(make, done);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'make' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (wait)
    while (done.load() != 1) {
    }
  return errors;
}
