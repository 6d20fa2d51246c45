// A signal set's wait completes with the signal number when one arrives and
// with operation_aborted only when the set is cancelled or destroyed
// (CancelOnlyOperations): on a local set nothing else reaches, a detached
// coroutine awaiting it has nothing that can fail. On the real headers of
// Boost.Asio, or of standalone asio with -DSTANDALONE_ASIO.
#ifdef STANDALONE_ASIO
#include <asio.hpp>
namespace net = asio;
#else
#include <boost/asio.hpp>
namespace net = boost::asio;
#endif
#include <csignal>

bool stopping = false;
void cancel_later(net::signal_set &Set);

#define WAIT_FOR_SIGNAL(S) co_await (S).async_wait(net::use_awaitable)

net::awaitable<void> await_signal() {
  auto Ex = co_await net::this_coro::executor;
  net::signal_set Signals(Ex, SIGINT, SIGTERM);
  int Sig = co_await Signals.async_wait(net::use_awaitable);
  stopping = Sig == SIGTERM;
}

net::awaitable<void> in_macro() {
  auto Ex = co_await net::this_coro::executor;
  net::signal_set Signals(Ex, SIGINT);
  WAIT_FOR_SIGNAL(Signals);
}

template <class Set> net::awaitable<void> in_template() {
  auto Ex = co_await net::this_coro::executor;
  Set Signals(Ex, SIGINT);
  co_await Signals.async_wait(net::use_awaitable);
}

// True twins: the set handed to a function that may cancel it, a socket
// read (fails at end of stream).
net::awaitable<void> shared_set() {
  auto Ex = co_await net::this_coro::executor;
  net::signal_set Signals(Ex, SIGINT);
  cancel_later(Signals);
  co_await Signals.async_wait(net::use_awaitable);
}

net::awaitable<void> read_socket(net::ip::tcp::socket S) {
  char Buf[64];
  co_await S.async_read_some(net::buffer(Buf), net::use_awaitable);
}

int main() {
  net::io_context Ioc;
  net::co_spawn(Ioc, await_signal(), net::detached);
  net::co_spawn(Ioc, in_macro(), net::detached);
  net::co_spawn(Ioc, in_template<net::signal_set>(), net::detached);
  net::co_spawn(
      Ioc,
      []() -> net::awaitable<void> {
        net::signal_set Signals(co_await net::this_coro::executor, SIGINT);
        co_await Signals.async_wait(net::use_awaitable);
      },
      net::detached);
  net::co_spawn(Ioc, shared_set(), net::detached);
  net::co_spawn(Ioc, read_socket(net::ip::tcp::socket(Ioc)), net::detached);
  Ioc.run();
}
