// Tasks spawned detached on libcoro's thread_pool and scheduler, reached
// through the std::unique_ptr their make_unique returns, borrowing locals:
// the shapes of libcoro's own tests (test_thread_pool.cpp, "issue-287" and
// "thread_pool::spawn"; test_scheduler.cpp, "coro::scheduler::spawn", which
// is a spawn only when the options list scheduler::spawn_detached).
#include <atomic>
#include <cstdint>

#include "coro/coro.hpp"

// The pool is declared after the counter (destroyed, and joined, first) and
// shut down before the counter dies.
void issue_287() {
  std::atomic<uint32_t> count = 0;
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 1});
  auto task = [](std::atomic<uint32_t> &c) -> coro::task<void> {
    c++;
    co_return;
  };
  for (int i = 0; i < 10; ++i)
    tp->spawn_detached(task(count));
  tp->shutdown();
}

// The pool outlives the counter, and is shut down before the counter dies.
void pool_spawn() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 2});
  std::atomic<uint64_t> counter{0};
  auto make_task = [](std::atomic<uint64_t> &c,
                      uint64_t amount) -> coro::task<void> {
    c += amount;
    co_return;
  };
  tp->spawn_detached(make_task(counter, 1));
  tp->spawn_detached(make_task(counter, 2));
  tp->shutdown();
}

void scheduler_spawn() {
  std::atomic<uint32_t> count = 0;
  auto s = coro::scheduler::make_unique(coro::scheduler::options{
      .pool = coro::thread_pool::options{.thread_count = 1}});
  auto task = [](std::atomic<uint32_t> &c) -> coro::task<void> {
    c++;
    co_return;
  };
  s->spawn_detached(task(count));
  s->shutdown();
}

// Reported: the pool outlives the counter and is never shut down here.
void never_joined() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 1});
  std::atomic<uint32_t> count = 0;
  auto task = [](std::atomic<uint32_t> &c) -> coro::task<void> {
    c++;
    co_return;
  };
  tp->spawn_detached(task(count));
}
