#include "backup.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <string>

namespace asio = boost::asio;

asio::awaitable<void> nightly(std::string path) {
  backup_now(path); // EXPECT-WARN
  co_return;
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, nightly("db.sqlite"), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  ctx.run();
}
