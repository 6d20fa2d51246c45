// A small asio-like library (standalone asio spelling).
#pragma once
#include <chrono>
#include <coroutine>
namespace asio {
#include "asio_impl.inc"
} // namespace asio
