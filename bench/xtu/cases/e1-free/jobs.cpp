#include "jobs.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

void start_job(boost::asio::io_context &ctx, boost::asio::awaitable<void> job) {
  boost::asio::co_spawn(ctx, std::move(job), boost::asio::detached); // EXPECT-NOTE
}
