#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <utility>

void schedule(boost::asio::awaitable<void> t);
void run_scheduled(boost::asio::io_context &ctx);

// Convenience wrapper used all over the code base.
inline void post_work(boost::asio::awaitable<void> t) {
  schedule(std::move(t));
}
