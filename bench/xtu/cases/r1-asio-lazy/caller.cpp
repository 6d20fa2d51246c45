#include "net.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <string>

namespace asio = boost::asio;

void greet(asio::io_context &ctx, const std::string &name) {
  asio::co_spawn(ctx, send_line("hello " + name), [](std::exception_ptr e) { // EXPECT-WARN
    if (e) std::rethrow_exception(e);
  });
}

int main() {
  asio::io_context ctx;
  greet(ctx, "world");
  ctx.run();
}
