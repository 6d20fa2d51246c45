// Spawns whose detached token is wrapped in a completion token adaptor of
// the real asio headers (Boost 1.81's Boost.Asio, or standalone asio with
// -DUSE_STANDALONE_ASIO): the adaptor hands the wrapped token every
// completion, so the task's exceptions are dropped as with detached.
#ifdef USE_STANDALONE_ASIO
#include <asio.hpp>
namespace net = asio;
#else
#include <boost/asio.hpp>
namespace net = boost::asio;
#endif
#include <memory>
#include <stdexcept>

net::awaitable<void> relay(int Fd) {
  if (Fd < 0)
    throw std::runtime_error("closed");
  co_return;
}

void serve(net::io_context &Ctx, int Fd) {
  auto Ex = Ctx.get_executor();
  net::cancellation_signal Stop;
  net::co_spawn(Ex, relay(Fd), net::bind_executor(Ex, net::detached));
  net::co_spawn(Ex, relay(Fd),
                net::bind_cancellation_slot(Stop.slot(), net::detached));
  net::co_spawn(Ex, relay(Fd),
                net::bind_allocator(std::allocator<void>(), net::detached));
#ifndef USE_STANDALONE_ASIO
  net::co_spawn(Ex, relay(Fd),
                net::consign(net::detached, std::make_shared<int>(Fd)));
#endif
  // A wrapped handler that rethrows: silent.
  net::co_spawn(Ex, relay(Fd),
                net::bind_executor(Ex, [](std::exception_ptr E) {
                  if (E)
                    std::rethrow_exception(E);
                }));
  net::co_spawn(Ex, relay(Fd), net::detached);
}
