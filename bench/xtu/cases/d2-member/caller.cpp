#include "queue.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>

namespace asio = boost::asio;

static int g_sent = 0;

asio::awaitable<void> send_report(int n) {
  g_sent += n;
  co_return;
}

asio::awaitable<void> producer(TaskQueue &q) {
  q.post(send_report(1)); // EXPECT-WARN
  for (auto &t : q.take())
    co_await std::move(t);
}

int main() {
  asio::io_context ctx;
  TaskQueue q;
  asio::co_spawn(ctx, producer(q), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
