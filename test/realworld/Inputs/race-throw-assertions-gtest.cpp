// Races inside the real GoogleTest assertions, on Boost.Asio's awaitable
// operators: a throw assertion evaluates the race for its exception (silent);
// a no-throw assertion wants it to complete, and the check after it reads
// state one side sets (reported). ASSERT_* return, so coroutines cannot use
// them.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <gtest/gtest.h>
#include <stdexcept>

using namespace boost::asio::experimental::awaitable_operators;

boost::asio::awaitable<int> work();
boost::asio::awaitable<void> nap();
extern int State;

boost::asio::awaitable<void> throws() {
  EXPECT_THROW(co_await (work() || nap()), std::runtime_error);
  EXPECT_ANY_THROW(co_await (work() || nap()));
  EXPECT_EQ(State, 0);
}

boost::asio::awaitable<void> completes() {
  EXPECT_NO_THROW(co_await (work() || nap()));
  EXPECT_EQ(State, 1);
}
