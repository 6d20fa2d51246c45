// A race of asio's awaitable operators, compiled against real asio headers:
// the outcome is read blindly, after an assertion that matches, and after
// one that names another alternative.
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <cassert>
#include <chrono>
#include <variant>

using namespace asio::experimental::awaitable_operators;

asio::awaitable<int> read_reply();
asio::awaitable<void> timeout() {
  asio::steady_timer Timer(co_await asio::this_coro::executor,
                           std::chrono::seconds(1));
  co_await Timer.async_wait(asio::use_awaitable);
}

asio::awaitable<int> blind() {
  auto Outcome = co_await (read_reply() || timeout());
  co_return std::get<0>(Outcome);
}

asio::awaitable<int> by_const_reference() {
  const auto &Outcome = co_await (read_reply() || timeout());
  co_return std::get<0>(Outcome);
}

asio::awaitable<int> asserted() {
  auto Outcome = co_await (read_reply() || timeout());
  assert(Outcome.index() == 0);
  co_return std::get<0>(Outcome);
}

asio::awaitable<int> asserted_the_other() {
  auto Outcome = co_await (read_reply() || timeout());
  assert(Outcome.index() == 1);
  co_return std::get<0>(Outcome);
}
