// Mock task types that are themselves a coroutine handle (derived from
// std::coroutine_handle<>): eager, parked at their end; the owner destroys
// the frame by hand. Shared by the two lifetime checks' frame-end tests.
#pragma once
#include <coroutine>

template <class Tag = void> struct handle_task : std::coroutine_handle<> {
  struct promise_type {
    handle_task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  handle_task(std::coroutine_handle<> h = {}) : std::coroutine_handle<>(h) {}
};

// Parks the coroutine and hands its handle to code not seen here.
struct parked_elsewhere {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  bool await_resume();
};
