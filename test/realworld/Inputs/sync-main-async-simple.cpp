// async-blocking-call and async-busy-loop on async_simple's real headers:
// a Lazy that only syncAwait in main starts, with no executor, runs on
// main's thread until it first suspends (cinatra's examples); bound to an
// executor with via(), it runs on the executor's thread.
#include <async_simple/coro/Lazy.h>
#include <async_simple/coro/SyncAwait.h>
#include <async_simple/executors/SimpleExecutor.h>
#include <atomic>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

std::atomic<int> done;
Lazy<int> fetch();

Lazy<int> child() {
  std::this_thread::sleep_for(1ms);
  co_return 1;
}

Lazy<void> example() {
  std::this_thread::sleep_for(200ms);
  while (done != 3)
    std::this_thread::sleep_for(5ms);
  int v = co_await child();
  v += co_await fetch();
  std::this_thread::sleep_for(1ms);
}

Lazy<void> handler() {
  std::this_thread::sleep_for(200ms);
  co_await fetch();
}

Lazy<void> on_executor() {
  std::this_thread::sleep_for(200ms);
  co_await fetch();
}

int main() {
  async_simple::executors::SimpleExecutor pool(2);
  syncAwait(example());
  syncAwait(handler().via(&pool));
  syncAwait(on_executor(), &pool);
}
