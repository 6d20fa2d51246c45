#include "runner.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

void Runner::detach(boost::asio::awaitable<void> &&job) {
  boost::asio::co_spawn(ctx_, std::move(job), boost::asio::detached); // EXPECT-NOTE
}
