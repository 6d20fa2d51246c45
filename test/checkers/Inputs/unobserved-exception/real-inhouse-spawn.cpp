// Compiled against the real Boost.Asio 1.81 headers: an in-house spawn whose
// body hands the awaitable to co_spawn with detached loses what it throws.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <stdexcept>
#include <utility>

bool failed();
void log(const char *);

boost::asio::awaitable<void> serve() {
  if (failed())
    throw std::runtime_error("serve");
  co_return;
}

void spawn(boost::asio::io_context &Ctx, boost::asio::awaitable<void> Work) {
  boost::asio::co_spawn(Ctx, std::move(Work), boost::asio::detached);
}
void spawn_logged(boost::asio::io_context &Ctx,
                  boost::asio::awaitable<void> Work) {
  boost::asio::co_spawn(Ctx, std::move(Work), [](std::exception_ptr E) {
    if (E)
      log("failed");
  });
}

int main() {
  boost::asio::io_context Ctx;
  spawn(Ctx, serve());
  // Silent: the wrapper's handler sees the failure.
  spawn_logged(Ctx, serve());
  Ctx.run();
}
