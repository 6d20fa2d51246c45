#pragma once
#include <coroutine>
namespace concurrencpp {
template <class T> class result {
public:
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  T get() { return T(); }
  void wait() {}
  bool status() const { return true; }
};
template <class T> struct result_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
// Awaitable through a namespace-scope operator co_await.
template <class T> result_awaiter<T> operator co_await(result<T> &&);
} // namespace concurrencpp
