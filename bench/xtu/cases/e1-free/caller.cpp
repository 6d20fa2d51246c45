#include "jobs.h"

#include <stdexcept>

namespace asio = boost::asio;

asio::awaitable<void> import_file(int size) {
  if (size <= 0)
    throw std::runtime_error("empty file"); // EXPECT-NOTE
  co_return;
}

int main(int argc, char **) {
  asio::io_context ctx;
  start_job(ctx, import_file(argc - 1)); // EXPECT-WARN
  ctx.run();
}
