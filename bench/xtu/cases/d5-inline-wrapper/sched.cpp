#include "scheduler.h"

static int g_scheduled = 0;

void schedule(boost::asio::awaitable<void> t) {
  ++g_scheduled;
} // EXPECT-NOTE

void run_scheduled(boost::asio::io_context &ctx) {
  ctx.run();
}
