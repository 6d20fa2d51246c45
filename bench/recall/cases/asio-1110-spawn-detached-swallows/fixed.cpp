// Fixed twin of chriskohlhoff/asio#1110/#1111: the completion handler takes
// the exception_ptr and rethrows it, as the maintainer advised, so run()
// propagates the failure.
#include <boost/asio/io_context.hpp>
#include <boost/asio/spawn.hpp>
#include <exception>
#include <stdexcept>

void require(bool ok) {
  if (!ok)
    throw std::runtime_error("REQUIRE failed");
}
bool check_reply(boost::asio::yield_context yield);

void run_test() {
  boost::asio::io_context ioctx;
  boost::asio::spawn(
      ioctx,
      [](boost::asio::yield_context yield) { require(check_reply(yield)); },
      [](std::exception_ptr e) {
        if (e)
          std::rethrow_exception(e);
      });
  ioctx.run();
}
