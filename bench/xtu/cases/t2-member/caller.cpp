#include "worker.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

namespace asio = boost::asio;

int main(int argc, char **argv) {
  asio::io_context ctx;
  Worker w(argc > 1 ? argv[1] : "8080");
  asio::co_spawn(ctx, w.run(), asio::detached); // EXPECT-WARN
  ctx.run();
}
