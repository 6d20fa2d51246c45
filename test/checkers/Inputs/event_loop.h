// Mocks for the loop-join tests: a nested event loop in Qt's shape
// (QEventLoop: exec() runs events until quit() or exit(); its names are in
// WaitMembers and SignalMembers), an in-house reactor named only through the
// options, an eager task whose frame outlives a dropped task object, and an
// await that suspends until the loop resumes it.

#ifndef ASYNC_LINT_TEST_EVENT_LOOP_H
#define ASYNC_LINT_TEST_EVENT_LOOP_H

#include <coroutine>
#include <exception>

class QEventLoop {
public:
  int exec();
  void quit();
  void exit(int code = 0);
  bool isRunning() const;
};

namespace corp {
class Reactor {
public:
  void run();  // handles events until stop()
  void stop();
};
} // namespace corp

// An eager task that can be awaited; dropping it leaves the coroutine
// running (its frame frees itself when it ends).
template <class T = void> struct hot {
  struct promise_type {
    hot get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};

template <> struct hot<void> {
  struct promise_type {
    hot get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};

// Resumes its awaiter later, from the running loop.
struct later {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const;
  void await_resume() const {}
};

// Resumes its awaiter later with a value, or an exception.
struct fetch {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const;
  int await_resume() const;
};

#endif // ASYNC_LINT_TEST_EVENT_LOOP_H
