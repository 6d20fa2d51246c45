// async-circular-wait's one-thread pool table on the real libcoro headers: a
// thread_pool made by make_unique with options{.thread_count = 1}, as
// libcoro's own tests make it, blocked by sync_wait from its only thread.
#include <coro/coro.hpp>

coro::task<int> work(coro::thread_pool &tp) {
  co_await tp.schedule();
  co_return 1;
}

void blocks() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 1});
  auto outer = [&]() -> coro::task<void> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}

// Two threads: the work can run on the other one. Silent.
void twoThreads() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 2});
  auto outer = [&]() -> coro::task<void> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}
