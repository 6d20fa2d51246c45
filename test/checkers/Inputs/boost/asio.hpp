// A small asio-like library (Boost.Asio spelling).
#pragma once
#include <chrono>
#include <coroutine>
namespace boost::asio {
#include "../asio_impl.inc"
} // namespace boost::asio
