#include "jobs.h"
#include <chrono>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

namespace {
std::mutex log_mutex;

// A helper that looks harmless from the call site.
void throttle() { std::this_thread::sleep_for(50ms); }

void write_log_line() { std::lock_guard<std::mutex> guard(log_mutex); }
} // namespace

void flush_logs() {
  write_log_line();
  throttle();
}

task<> refresh_cache() {
  // Pitfall: sleeping stalls every task on this thread.
  std::this_thread::sleep_for(100ms);
  // Pitfall: the helper sleeps too, two calls down.
  flush_logs();
  co_return;
}

task<> wait_for_worker(std::future<int> &result) {
  // Pitfall: get() blocks the executor until the worker finishes.
  int value = result.get();
  (void)value;
  co_return;
}
