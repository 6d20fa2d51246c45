#include "runner.h"

#include <stdexcept>

namespace asio = boost::asio;

asio::awaitable<void> sync_users(int count) {
  if (count > 100)
    throw std::length_error("too many users"); // EXPECT-NOTE
  co_return;
}

int main(int argc, char **) {
  asio::io_context ctx;
  Runner runner(ctx);
  auto job = sync_users(argc * 50);
  runner.detach(std::move(job)); // EXPECT-WARN
  ctx.run();
}
