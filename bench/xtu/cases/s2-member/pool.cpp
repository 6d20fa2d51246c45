#include "pool.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

namespace asio = boost::asio;

static asio::awaitable<void> run_job(std::string name) {
  name.clear();
  co_return;
}

void JobPool::start(std::string name) {
  asio::co_spawn(ctx_, run_job(std::move(name)), asio::detached); // EXPECT-NOTE
}
