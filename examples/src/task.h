// A minimal lazy task, as projects without a coroutine library write it.
#pragma once
#include <coroutine>
#include <exception>
#include <utility>

template <class T = void> class task;

template <> class task<void> {
public:
  struct promise_type {
    std::coroutine_handle<> continuation;
    task get_return_object() {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    auto final_suspend() noexcept {
      struct resume_continuation {
        bool await_ready() noexcept { return false; }
        std::coroutine_handle<>
        await_suspend(std::coroutine_handle<promise_type> h) noexcept {
          if (auto c = h.promise().continuation)
            return c;
          return std::noop_coroutine();
        }
        void await_resume() noexcept {}
      };
      return resume_continuation{};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };

  explicit task(std::coroutine_handle<promise_type> h) : handle(h) {}
  task(task &&other) noexcept : handle(std::exchange(other.handle, {})) {}
  ~task() {
    if (handle)
      handle.destroy();
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) {
    handle.promise().continuation = caller;
    return handle;
  }
  void await_resume() {}

  void run() { handle.resume(); }

private:
  std::coroutine_handle<promise_type> handle;
};
