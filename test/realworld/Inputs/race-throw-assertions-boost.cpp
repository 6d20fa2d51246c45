// Races inside the real Boost.Test 1.81 tools, on Boost.Asio's awaitable
// operators: a throw assertion evaluates the race for its exception (silent);
// a no-throw assertion wants it to complete, and the check after it reads
// state one side sets (reported).
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/test/unit_test.hpp>
#include <stdexcept>

using namespace boost::asio::experimental::awaitable_operators;

boost::asio::awaitable<int> work();
boost::asio::awaitable<void> nap();
extern int State;

boost::asio::awaitable<void> throws() {
  BOOST_CHECK_THROW(co_await (work() || nap()), std::runtime_error);
  BOOST_REQUIRE_THROW(co_await (work() || nap()), std::runtime_error);
  BOOST_WARN_THROW(co_await (work() || nap()), std::runtime_error);
  BOOST_CHECK_EXCEPTION(co_await (work() || nap()), std::runtime_error,
                        [](const std::runtime_error &) { return true; });
  BOOST_CHECK(State == 0);
}

boost::asio::awaitable<void> completes() {
  BOOST_CHECK_NO_THROW(co_await (work() || nap()));
  BOOST_CHECK(State == 1);
}
