#pragma once
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

boost::asio::awaitable<void> refresh(int generation);

// Fire-and-forget helper of the project.
inline void spawn_detached(boost::asio::io_context &ctx, boost::asio::awaitable<void> t) {
  boost::asio::co_spawn(ctx, std::move(t), boost::asio::detached);
}
