// Compiled against asio 1.38 (the asio tree of prepare.sh), whose default
// completion token is asio::deferred: an operation given no token and
// dropped never starts.
#include <asio.hpp>

asio::awaitable<void> session(asio::ip::tcp::socket &S) {
  char Buf[4];
  asio::async_write(S, asio::buffer(Buf));
  // Silent: awaited, or given a token that starts it.
  co_await asio::async_write(S, asio::buffer(Buf));
  asio::async_write(S, asio::buffer(Buf), asio::detached);
}

void start(asio::io_context &Ctx, asio::ip::tcp::socket &S) {
  asio::co_spawn(Ctx, session(S));
  asio::co_spawn(Ctx, session(S), asio::detached);
}
