// Listeners spawned with detached on Boost 1.81's Boost.Asio: an acceptor
// built from its executor alone opens and binds nothing (the Beast
// advanced_server_flex_awaitable example opens it with error codes after),
// so it cannot fail the way the overload given an endpoint does.
#include <boost/asio.hpp>
#include <tuple>
namespace net = boost::asio;
using net::ip::tcp;

using quiet_executor =
    net::as_tuple_t<net::use_awaitable_t<>>::executor_with_default<
        net::any_io_executor>;
using quiet_acceptor = tcp::acceptor::rebind_executor<quiet_executor>::other;

net::awaitable<void> opened_with_codes(tcp::endpoint At) {
  quiet_acceptor Acceptor{co_await net::this_coro::executor};
  boost::system::error_code Ec;
  Acceptor.open(At.protocol(), Ec);
  if (Ec || Acceptor.bind(At, Ec) || Acceptor.listen(16, Ec))
    co_return;
  for (;;) {
    auto [Error, Socket] = co_await Acceptor.async_accept();
    if (Error)
      co_return;
  }
}

net::awaitable<void> bound_at_construction(tcp::endpoint At) {
  quiet_acceptor Acceptor{co_await net::this_coro::executor, At};
  for (;;) {
    auto [Error, Socket] = co_await Acceptor.async_accept();
    if (Error)
      co_return;
  }
}

void serve(net::io_context &Ctx, tcp::endpoint At) {
  net::co_spawn(Ctx, opened_with_codes(At), net::detached);
  net::co_spawn(Ctx, bound_at_construction(At), net::detached);
}
