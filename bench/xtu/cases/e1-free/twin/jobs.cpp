#include "jobs.h"

#include <boost/asio/co_spawn.hpp>
#include <exception>

void start_job(boost::asio::io_context &ctx, boost::asio::awaitable<void> job) {
  boost::asio::co_spawn(ctx, std::move(job), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
}
