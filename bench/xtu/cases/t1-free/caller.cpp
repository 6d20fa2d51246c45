#include "jobs.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

namespace asio = boost::asio;

int main(int argc, char **) {
  asio::io_context ctx;
  asio::co_spawn(ctx, refresh(argc), asio::detached); // EXPECT-WARN
  ctx.run();
}
