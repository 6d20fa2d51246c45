#include "jobs.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

namespace asio = boost::asio;

static int g_done = 0;

static asio::awaitable<void> process(int id) {
  g_done += id;
  co_return;
}

void start_job(asio::io_context &ctx, int id) {
  asio::co_spawn(ctx, process(id), asio::detached); // EXPECT-NOTE
}
