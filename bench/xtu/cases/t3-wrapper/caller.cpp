#include "jobs.h"

#include <boost/asio/io_context.hpp>

namespace asio = boost::asio;

int main(int argc, char **) {
  asio::io_context ctx;
  spawn_detached(ctx, refresh(argc)); // EXPECT-WARN
  ctx.run();
}
