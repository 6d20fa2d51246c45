#include "scheduler.h"

#include <boost/asio/co_spawn.hpp>
#include <exception>
#include <vector>

static std::vector<boost::asio::awaitable<void>> g_queue;

void schedule(boost::asio::awaitable<void> t) {
  g_queue.push_back(std::move(t));
}

void run_scheduled(boost::asio::io_context &ctx) {
  for (auto &t : g_queue)
    boost::asio::co_spawn(ctx, std::move(t), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
  g_queue.clear();
  ctx.run();
}
