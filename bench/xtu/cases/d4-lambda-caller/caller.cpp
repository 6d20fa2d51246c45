#include "scheduler.h"

namespace asio = boost::asio;

static int g_ticks = 0;

asio::awaitable<void> work(int n) {
  g_ticks += n;
  co_return;
}

int main(int argc, char **) {
  asio::io_context ctx;
  auto add = [](int n) {
    schedule(work(n)); // EXPECT-WARN
  };
  for (int i = 0; i < argc; ++i)
    add(i);
  run_scheduled(ctx);
}
