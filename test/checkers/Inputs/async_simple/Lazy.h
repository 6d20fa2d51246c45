// Mock async_simple: a lazy task started with a callback that receives a
// Try of its result (the value or the exception).
#pragma once
#include <coroutine>
#include <exception>
namespace async_simple {
template <class T> class Try {
public:
  bool hasError() const noexcept { return false; }
  std::exception_ptr getException() const noexcept { return {}; }
  T &value() { return *static_cast<T *>(nullptr); }
};
template <> class Try<void> {
public:
  bool hasError() const noexcept { return false; }
  std::exception_ptr getException() const noexcept { return {}; }
  void value() {}
};
class Executor;
// Awaiting it in a Lazy yields the executor the Lazy runs on, null when it
// has none (the real one is an empty tag the promise's await_transform
// turns into an awaiter).
struct CurrentExecutor {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  Executor *await_resume() const noexcept { return nullptr; }
};
namespace coro {
template <class T> class RescheduleLazy {
public:
  template <class F> void start(F &&Callback) { Callback(Try<T>()); }
  void detach() {}
};
template <class T = void> class Lazy {
public:
  struct promise_type {
    std::exception_ptr Error;
    Lazy get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() { Error = std::current_exception(); }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
  RescheduleLazy<T> via(Executor *) { return {}; }
  template <class F> void start(F &&Callback) { Callback(Try<T>()); }
};
template <> struct Lazy<void>::promise_type {
  std::exception_ptr Error;
  Lazy get_return_object() { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { Error = std::current_exception(); }
};
} // namespace coro
} // namespace async_simple
