// A small asio-like library (standalone asio spelling).
#pragma once
#include <chrono>
#include <coroutine>
#include <future>
namespace asio {
#include "asio_impl.inc"
} // namespace asio
namespace std {
template <class T, class Executor, class... Args>
struct coroutine_traits<asio::awaitable<T, Executor>, Args...> {
  using promise_type = asio::awaitable_frame<T, Executor>;
};
} // namespace std
