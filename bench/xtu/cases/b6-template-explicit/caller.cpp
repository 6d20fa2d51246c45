#include "store.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>

namespace asio = boost::asio;

asio::awaitable<void> persist(int value) {
  save(value); // EXPECT-WARN
  co_return;
}

int main(int argc, char **) {
  asio::io_context ctx;
  asio::co_spawn(ctx, persist(argc), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
