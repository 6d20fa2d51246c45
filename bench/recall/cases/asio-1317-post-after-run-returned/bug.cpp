// Reduction of chriskohlhoff/asio#1317: a worker thread calls io_context::run()
// before any work has been posted; run() finds nothing to do and returns at
// once, so the tasks the main thread posts afterwards (after a short sleep)
// are never run.
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

void task();

// @recall-begin
int main() {
  boost::asio::io_context io;
  std::thread worker([&io] { io.run(); }); // returns at once: no work yet
  for (int i = 0; i < 1000; ++i) {
    std::this_thread::sleep_for(std::chrono::microseconds(1));
    boost::asio::post(io, task); // @bug  nobody runs the context any more
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));
  io.stop();
  worker.join();
  return 0;
}
// @recall-end
