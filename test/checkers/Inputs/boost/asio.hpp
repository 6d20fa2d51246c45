// A small asio-like library (Boost.Asio spelling).
#pragma once
#include <chrono>
#include <coroutine>
#include <future>
namespace boost::asio {
#include "../asio_impl.inc"
} // namespace boost::asio
namespace std {
template <class T, class Executor, class... Args>
struct coroutine_traits<boost::asio::awaitable<T, Executor>, Args...> {
  using promise_type = boost::asio::awaitable_frame<T, Executor>;
};
} // namespace std
