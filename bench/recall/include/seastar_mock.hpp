// A few Seastar declarations for the recall corpus, written for it: an
// eager future, a gate and with_gate (which calls the function and returns
// its future; it does not keep the function).
#pragma once
#include <coroutine>
#include <exception>
#include <type_traits>
#include <utility>

namespace seastar {
template <class T = void> class future {
public:
  struct promise_type {
    future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
  // Calls func when this future is ready; the continuation (and func) is
  // destroyed once func has returned its future.
  template <class Func> auto then(Func &&func) {
    if constexpr (std::is_void_v<T>)
      return func();
    else
      return func(T{});
  }
};
class gate {
public:
  void enter();
  void leave();
};
template <class Func> auto with_gate(gate &g, Func &&func) {
  g.enter();
  auto f = func();
  g.leave(); // the real one leaves in a continuation; enough here
  return f;
}
future<> sleep_ms(int);
bool need_preempt();
// Starts func on every element at once, awaits them all.
template <class Range, class Func>
future<> parallel_for_each(Range &&range, Func &&func) {
  for (auto &&e : range)
    (void)func(e); // the real one keeps the futures and waits for all
  return {};
}
// Runs at most max_concurrent of them at a time.
template <class Range, class Func>
future<> max_concurrent_for_each(Range &&range, unsigned max_concurrent,
                                 Func &&func) {
  (void)
      max_concurrent; // the real one keeps a semaphore of max_concurrent units
  for (auto &&e : range)
    (void)func(e);
  return {};
}
namespace coroutine {
// Wraps a coroutine lambda by reference, so a lambda temporary lives for the
// full expression that awaits it (Seastar's remedy for the lambda-coroutine
// fiasco). It does not own the lambda.
template <class Func> class lambda {
  Func *func_;

public:
  explicit lambda(Func &&func) : func_(&func) {}
  template <class... Args> decltype(auto) operator()(Args &&...args) const {
    return (*func_)(std::forward<Args>(args)...);
  }
};
template <class Func> lambda(Func &&) -> lambda<Func>;
struct maybe_yield {
  bool await_ready() const noexcept { return !need_preempt(); }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};
} // namespace coroutine
} // namespace seastar
