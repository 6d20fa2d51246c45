// Mock async_simple::Promise and Future: the future is ready once the
// promise is set; awaited (as an rvalue) in a Lazy until then.
#pragma once
#include <coroutine>
#include <exception>
namespace async_simple {
template <class T> class Future {
public:
  Future(Future &&) noexcept;
  Future &operator=(Future &&) noexcept;
  bool hasResult() const;
  T value();
};
template <class T> class Promise {
public:
  Promise();
  Promise(Promise &&) noexcept;
  Future<T> getFuture();
  void setValue(T &&);
  void setException(std::exception_ptr);
};
namespace coro::detail {
template <class T> struct FutureAwaiter {
  Future<T> future_;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
} // namespace coro::detail
template <class T> coro::detail::FutureAwaiter<T> operator co_await(Future<T> &&);
} // namespace async_simple
