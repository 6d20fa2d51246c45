#include "log.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>

namespace asio = boost::asio;

int main() {
  asio::io_context ctx;
  auto rotate = []() -> asio::awaitable<void> {
    flush_logs(); // EXPECT-WARN
    co_return;
  };
  asio::co_spawn(ctx, rotate(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
