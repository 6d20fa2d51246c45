// asio 1.30's cancel_after and cancel_at (the real headers of asio 1.38): the
// timeout adaptor hands the wrapped token every completion, so a spawn with
// cancel_after(30s, detached) drops the task's exceptions as detached does.
#include <asio.hpp>
#include <chrono>
#include <stdexcept>

using namespace std::chrono_literals;

asio::awaitable<void> relay(int Fd) {
  if (Fd < 0)
    throw std::runtime_error("closed");
  co_return;
}

asio::awaitable<void> listen(asio::ip::tcp::acceptor &A, int Fd) {
  for (;;) {
    co_await A.async_accept(asio::use_awaitable);
    asio::co_spawn(A.get_executor(), relay(Fd),
                   asio::cancel_after(30s, asio::detached));
    asio::co_spawn(A.get_executor(), relay(Fd),
                   asio::cancel_at(std::chrono::steady_clock::now() + 5s,
                                   asio::detached));
  }
}
