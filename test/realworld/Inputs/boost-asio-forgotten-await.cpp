// Real Boost.Asio 1.81 headers: its awaitable's promise comes from a
// partial specialisation of std::coroutine_traits, its async operations take
// defaulted constraint parameters after the token, and deferred operations
// are class types. The checks must see through all of that.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> child(tcp::socket &socket);

asio::awaitable<void> parent(tcp::socket socket, bool ready) {
  char data[16];
  child(socket);
  socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  asio::async_write(socket, asio::buffer(data), asio::deferred);
  auto later = child(socket);
  if (ready)
    co_await std::move(later);
  auto executor = co_await asio::this_coro::executor;
  (void)executor;
  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  asio::steady_timer timer(socket.get_executor());
  timer.wait();
  co_await timer.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context io;
  asio::co_spawn(io, parent(tcp::socket(io), true), asio::detached);
  io.run();
}
