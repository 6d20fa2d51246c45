// Compiled against the real libstdc++ and Boost.Asio headers: libstdc++'s
// std::exception_ptr is a using-declaration of
// std::__exception_ptr::exception_ptr, which FailureTypes names by its alias.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <stdexcept>

bool failed();
void log(const char *);

boost::asio::awaitable<void> serve() {
  if (failed())
    throw std::runtime_error("serve");
  co_return;
}
boost::asio::awaitable<void> quiet() { co_return; }

int main() {
  boost::asio::io_context Ctx;
  // The handler ignores the exception_ptr it receives.
  boost::asio::co_spawn(Ctx, serve(), [](std::exception_ptr) { log("done"); });
  // A generic handler, instantiated with std::exception_ptr.
  boost::asio::co_spawn(Ctx, serve(), [](auto) { log("done"); });
  // Silent: the handler rethrows; the coroutine throws nothing.
  boost::asio::co_spawn(Ctx, serve(), [](std::exception_ptr E) {
    if (E)
      std::rethrow_exception(E);
  });
  boost::asio::co_spawn(Ctx, quiet(), [](std::exception_ptr) {});
  Ctx.run();
}
