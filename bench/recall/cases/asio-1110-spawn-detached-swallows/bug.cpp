// Reduction of chriskohlhoff/asio#1110/#1111: a test body run with
// asio::spawn and the `detached` token throws (an assertion macro that
// throws on failure); `detached` swallows the exception, run() returns as if
// the test had passed.
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/spawn.hpp>
#include <stdexcept>

void require(bool ok) {
  if (!ok)
    throw std::runtime_error("REQUIRE failed");
}
bool check_reply(boost::asio::yield_context yield);

// @recall-begin
void run_test() {
  boost::asio::io_context ioctx;
  boost::asio::spawn( // @bug
      ioctx,
      [](boost::asio::yield_context yield) { require(check_reply(yield)); },
      boost::asio::detached);
  ioctx.run();
}
// @recall-end
