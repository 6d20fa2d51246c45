// Fixed twin of chriskohlhoff/asio#1317: a work guard keeps run() from
// returning while the main thread still posts; it is released when posting is
// done, and the worker returns once the queue is drained.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

void task();

int main() {
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread worker([&io] { io.run(); });
  for (int i = 0; i < 1000; ++i) {
    std::this_thread::sleep_for(std::chrono::microseconds(1));
    boost::asio::post(io, task);
  }
  work.reset();
  worker.join();
  return 0;
}
