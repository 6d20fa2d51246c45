// Minimal coroutine types for the recall corpus (bench/recall). Written for
// this corpus; not taken from any project. rc::task is lazy (like cppcoro,
// libcoro, asio::awaitable), rc::fire_and_forget and rc::eager are eager
// (like cppwinrt's fire_and_forget, QCoro::Task, seastar::future).
#pragma once
#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace rc {

template <class T = void> class task;

namespace detail {
struct final_awaiter {
  bool await_ready() noexcept { return false; }
  template <class P>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
    auto c = h.promise().continuation;
    return c ? c : std::noop_coroutine();
  }
  void await_resume() noexcept {}
};
template <class T> struct value_holder {
  std::optional<T> value;
  void return_value(T v) { value = std::move(v); }
  T take() { return std::move(*value); }
};
template <> struct value_holder<void> {
  void return_void() {}
  void take() {}
};
} // namespace detail

template <class T> class task {
public:
  struct promise_type : detail::value_holder<T> {
    std::coroutine_handle<> continuation;
    std::exception_ptr error;
    task get_return_object() {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    detail::final_awaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() { error = std::current_exception(); }
  };
  task(task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  task &operator=(task &&o) noexcept {
    std::swap(h_, o.h_);
    return *this;
  }
  ~task() {
    if (h_)
      h_.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().continuation = c;
    return h_;
  }
  T await_resume() {
    if (h_.promise().error)
      std::rethrow_exception(h_.promise().error);
    return h_.promise().take();
  }

private:
  explicit task(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

// Eager, not awaitable, frees itself: fire and forget.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
};

// Something that suspends and is resumed later by an event loop.
struct later {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};

} // namespace rc
