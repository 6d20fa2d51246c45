#pragma once
#include <atomic>
#include <coroutine>
#include <exception>
#include <utility>

// An eager task; destroying it waits for the coroutine (see job.cpp).
class job {
public:
  struct promise_type {
    std::atomic<bool> done{false};
    job get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      void await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        h.promise().done = true;
        h.promise().done.notify_all();
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };

  explicit job(std::coroutine_handle<promise_type> h) : handle_(h) {}
  job(job &&other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  ~job();

private:
  std::coroutine_handle<promise_type> handle_;
};

inline job job::promise_type::get_return_object() {
  return job{std::coroutine_handle<promise_type>::from_promise(*this)};
}
