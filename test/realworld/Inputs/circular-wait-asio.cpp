// async-circular-wait's single-thread-context table on real asio headers:
// standalone asio when ASIO_STANDALONE_SPELLING is defined, Boost.Asio
// otherwise.
#ifdef ASIO_STANDALONE_SPELLING
#include <asio.hpp>
namespace net = asio;
#else
#include <boost/asio.hpp>
namespace net = boost::asio;
#endif
#include <future>

net::awaitable<void> work() { co_return; }

net::awaitable<void> serve() {
  auto ex = co_await net::this_coro::executor;
  auto done = net::co_spawn(ex, work(), net::use_future);
  done.get();
}

net::awaitable<void> serve_inline() {
  net::co_spawn(co_await net::this_coro::executor, work(), net::use_future)
      .wait();
}

int main() {
  net::io_context ctx;
  net::co_spawn(ctx, serve(), net::detached);
  net::co_spawn(ctx.get_executor(), serve_inline(), net::detached);
  ctx.run();
}

// Run by two threads: silent here.
net::awaitable<void> serve_pool() {
  auto ex = co_await net::this_coro::executor;
  net::co_spawn(ex, work(), net::use_future).get();
}
void pool() {
  net::io_context ctx;
  net::co_spawn(ctx, serve_pool(), net::detached);
  std::thread helper([&] { ctx.run(); });
  ctx.run();
  helper.join();
}
