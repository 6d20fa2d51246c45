#include "jobs.h"
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable ready;
bool is_ready = false;

task<> consumer() {
  std::unique_lock<std::mutex> lock(m);
  // Pitfall: waiting on a condition variable inside a coroutine.
  ready.wait(lock, [] { return is_ready; });
  co_return;
}

task<> offloaded() {
  // Fine: the sleep runs on its own thread, not on the executor.
  std::thread([] {
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }).detach();
  co_return;
}

int main() {
  std::promise<int> promise;
  std::future<int> future = promise.get_future();
  promise.set_value(42);
  task<> t = wait_for_worker(future);
  t.run();
  // Fine: main is not a coroutine.
  flush_logs();
  return 0;
}

task<> startup() {
  // Pitfall: the task is created and dropped; it never runs.
  refresh_cache();
  co_await refresh_cache();
}

int greeted = 0;

task<> greet(const int &times) {
  co_await refresh_cache();
  greeted += times;
}

task<> later() {
  // Pitfall: the stored task refers to a temporary that is gone when it runs.
  task<> pending = greet(3);
  co_await pending;
  // Fine: awaited in the full expression, while the temporary lives.
  co_await greet(4);
}
