#include "jobs.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <vector>

namespace asio = boost::asio;

asio::awaitable<void> dispatch(asio::io_context &ctx, std::vector<int> ids) {
  for (int id : ids) {
    start_job(ctx, id); // EXPECT-WARN
  }
  co_return;
}

int main(int argc, char **) {
  asio::io_context ctx;
  std::vector<int> ids(static_cast<unsigned>(argc) * 1000u, 1);
  asio::co_spawn(ctx, dispatch(ctx, std::move(ids)), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
