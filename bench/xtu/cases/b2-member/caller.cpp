#include "logger.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>

namespace asio = boost::asio;

asio::awaitable<void> serve(Logger &log) {
  log.add("request");
  log.flush(); // EXPECT-WARN
  co_return;
}

int main() {
  Logger log;
  asio::io_context ctx;
  asio::co_spawn(ctx, serve(log), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
