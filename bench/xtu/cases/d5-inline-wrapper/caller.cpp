#include "scheduler.h"

namespace asio = boost::asio;

static int g_ticks = 0;

asio::awaitable<void> work() {
  ++g_ticks;
  co_return;
}

int main() {
  asio::io_context ctx;
  post_work(work()); // EXPECT-WARN
  run_scheduled(ctx);
}
