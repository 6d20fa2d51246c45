// An eager, awaitable future (the coroutine runs at once, as Seastar's or
// QCoro's do) for the relayed-closure tests. Written for the tests.
#pragma once
#include <coroutine>

namespace demo {
template <class T = void> struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  // Calls Fn when ready; the continuation is destroyed once Fn returns.
  template <class F> eager<> then(F &&Fn) {
    (void)Fn;
    return {};
  }
};
struct latch_like {
  void arrive();
  void depart();
};
} // namespace demo
