#include "server.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <exception>

namespace asio = boost::asio;

static int g_accepted = 0;

static asio::awaitable<void> accept_loop() {
  ++g_accepted;
  co_return;
}

void start_server(asio::io_context &ctx) {
  asio::co_spawn(ctx, accept_loop(), [](std::exception_ptr e) { // EXPECT-NOTE
    if (e) std::rethrow_exception(e);
  });
}
