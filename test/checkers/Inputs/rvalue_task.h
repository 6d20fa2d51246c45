// A lazy task whose awaiter hands the result out as an rvalue reference into
// the finished frame, as libcoro's and cppcoro's tasks do
// ('std::move(promise).result()'), and a when_any over such tasks.
#pragma once
#include <coroutine>
#include <variant>
namespace rv {
template <class T> T &&move(T &Value) noexcept { return static_cast<T &&>(Value); }
template <class T> class task {
public:
  struct promise_type {
    T Value;
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() {}
    T &&result() && { return rv::move(Value); }
  };
  struct awaiter {
    promise_type *Promise;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    decltype(auto) await_resume() { return rv::move(*Promise).result(); }
  };
  awaiter operator co_await() && noexcept { return {}; }
};
template <class... T> task<std::variant<T...>> when_any(task<T>...);
} // namespace rv
