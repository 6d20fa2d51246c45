// A race of two timers whose sides redirect their error codes, on the real
// headers of Boost.Asio, or of standalone asio with -DSTANDALONE_ASIO.
#ifdef STANDALONE_ASIO
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
namespace net = asio;
using code = asio::error_code;
#else
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
namespace net = boost::asio;
using code = boost::system::error_code;
#endif
#include <chrono>

using namespace net::experimental::awaitable_operators;
void note(const char *);

inline auto redirected(code &Code) {
  return net::redirect_error(net::use_awaitable, Code);
}

// Silent: the code after the race tests the loser's code.
net::awaitable<void> tested(net::steady_timer &Work, net::steady_timer &Limit) {
  code WorkCode, LimitCode;
  co_await (Work.async_wait(redirected(WorkCode)) ||
            Limit.async_wait(net::redirect_error(net::use_awaitable, LimitCode)));
  if (WorkCode == net::error::operation_aborted)
    note("the limit won");
}

// Reported: the sides throw, and the code after the race cannot tell.
net::awaitable<void> thrown(net::steady_timer &Work, net::steady_timer &Limit) {
  co_await (Work.async_wait(net::use_awaitable) ||
            Limit.async_wait(net::use_awaitable));
  note("work done");
}

// Reported: redirected, but the codes are not tested after the race.
net::awaitable<void> untested(net::steady_timer &Work, net::steady_timer &Limit) {
  code WorkCode, LimitCode;
  co_await (Work.async_wait(redirected(WorkCode)) ||
            Limit.async_wait(redirected(LimitCode)));
  note("work done");
}
