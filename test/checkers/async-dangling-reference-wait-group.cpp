// RUN: %check_async_lint %s async-dangling-reference %t

// A Go-style wait group (shuai132/coro's wait_group_t, from the default
// lists): a task borrowing the spawner's locals calls done() after its last
// use of them, and the spawner awaits wait() (or the group) before they
// die. Reported when a use follows done(), when the await can be skipped,
// and when the spawner awaits another group.

#include "coro/wait_group.hpp"

coro::task<void> step();

coro::task<void> worker(coro::wait_group &wg, int &out) {
  co_await step();
  out = 1;
  wg.done();
}

coro::task<void> worker_late(coro::wait_group &wg, int &out) {
  co_await step();
  wg.done();
  co_await step();
  out = 1;
}

coro::task<void> joined(coro::thread_pool &s) {
  coro::wait_group wg;
  int a = 0, b = 0;
  wg.add(2);
  s.spawn_detached(worker(wg, a));
  s.spawn_detached(worker(wg, b));
  co_await wg.wait();
}

coro::task<void> joined_by_awaiting_the_group(coro::thread_pool &s) {
  coro::wait_group wg;
  int a = 0;
  wg.add(1);
  s.spawn_detached(worker(wg, a));
  co_await wg;
}

// A latch built on the group, counted down by a lambda's reference
// parameter.
coro::task<void> latch_joined(coro::thread_pool &s) {
  auto counted = [](coro::latch_t<> &l, int &out) -> coro::task<void> {
    co_await step();
    out = 1;
    l.count_down();
  };
  coro::latch_t<> l{1};
  int a = 0;
  s.spawn_detached(counted(l, a));
  co_await l.wait();
}

coro::task<void> used_after_done(coro::thread_pool &s) {
  coro::wait_group wg;
  int a = 0;
  wg.add(1);
  s.spawn_detached(worker_late(wg, a));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: parameter 'out' of coroutine 'worker_late' refers to local 'a', which the task may outlive [async-dangling-reference]
  co_await wg.wait();
}

coro::task<void> skipped_wait(coro::thread_pool &s, bool stop) {
  coro::wait_group wg;
  int a = 0;
  wg.add(1);
  s.spawn_detached(worker(wg, a));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'wg' of coroutine 'worker' refers to local 'wg', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: parameter 'out' of coroutine 'worker' refers to local 'a', which the task may outlive [async-dangling-reference]
  if (stop)
    co_return;
  co_await wg.wait();
}

coro::task<void> other_group(coro::thread_pool &s) {
  coro::wait_group wg, other;
  int a = 0;
  wg.add(1);
  s.spawn_detached(worker(wg, a));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'wg' of coroutine 'worker' refers to local 'wg', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: warning: parameter 'out' of coroutine 'worker' refers to local 'a', which the task may outlive [async-dangling-reference]
  co_await other.wait();
}
