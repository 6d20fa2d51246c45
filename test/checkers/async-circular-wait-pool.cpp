// RUN: %check_async_lint %s async-circular-wait %t

// A coroutine running on the only thread of a thread pool that blocks it
// with sync_wait on work that must run on that pool: the work waits for the
// thread the wait holds. Silent for a pool of more threads (or of a count
// not known), after a suspension that may resume elsewhere, and for work
// that does not move onto the pool on every path.

#include "cppcoro/static_thread_pool.hpp"
#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"

cppcoro::static_thread_pool single{1};

cppcoro::task<> work(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
}
cppcoro::task<> blocks() {
  co_await single.schedule();
  cppcoro::sync_wait(work(single));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sync_wait' blocks the only thread of 'single', which the work it waits for needs: it never returns [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-9]]:29: note: 'single' has one thread
  // CHECK-NOTES: :[[@LINE-4]]:3: note: this coroutine runs on it from here
  // CHECK-NOTES: :[[@LINE-8]]:3: note: coroutine 'work' waits here for that thread; await the work instead of blocking
}

// A lambda coroutine on a pool of its function; the work a member
// coroutine; the wait through a macro.
#define BLOCK_ON(x) cppcoro::sync_wait(x)
struct Service {
  cppcoro::task<> step(cppcoro::static_thread_pool &pool) {
    co_await pool.schedule();
  }
  void run() {
    cppcoro::static_thread_pool pool(1);
    auto outer = [&]() -> cppcoro::task<> {
      co_await pool.schedule();
      BLOCK_ON(step(pool));
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'sync_wait' blocks the only thread of 'pool', which the work it waits for needs: it never returns [async-circular-wait]
      // CHECK-NOTES: :[[@LINE-11]]:21: note: expanded from macro 'BLOCK_ON'
      // CHECK-NOTES: :[[@LINE-6]]:33: note: 'pool' has one thread
      // CHECK-NOTES: :[[@LINE-5]]:7: note: this coroutine runs on it from here
      // CHECK-NOTES: :[[@LINE-11]]:5: note: coroutine 'step' waits here for that thread; await the work instead of blocking
    };
    cppcoro::sync_wait(outer());
  }
};

// A template coroutine.
template <class Work> cppcoro::task<> generic_blocks() {
  co_await single.schedule();
  cppcoro::sync_wait(Work::make(single));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sync_wait' blocks the only thread of 'single', which the work it waits for needs: it never returns [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-41]]:29: note: 'single' has one thread
  // CHECK-NOTES: :[[@LINE-4]]:3: note: this coroutine runs on it from here
  // CHECK-NOTES: :[[@LINE+4]]:5: note: coroutine 'make' waits here for that thread; await the work instead of blocking
}
struct MakesWork {
  static cppcoro::task<> make(cppcoro::static_thread_pool &pool) {
    co_await pool.schedule();
  }
};
template cppcoro::task<> generic_blocks<MakesWork>();

// ---- Silent.

// More threads, or a count not known.
cppcoro::static_thread_pool quad{4};
cppcoro::task<> quad_work(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
}
cppcoro::task<> many_threads() {
  co_await quad.schedule();
  cppcoro::sync_wait(quad_work(quad));
}
unsigned threads();
cppcoro::static_thread_pool unknown{threads()};
cppcoro::task<> unknown_work(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
}
cppcoro::task<> unknown_count() {
  co_await unknown.schedule();
  cppcoro::sync_wait(unknown_work(unknown));
}

// A suspension between the move onto the pool and the wait.
cppcoro::task<> other();
cppcoro::task<> single_work(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
}
cppcoro::task<> suspends_between() {
  co_await single.schedule();
  co_await other();
  cppcoro::sync_wait(single_work(single));
}

// Not on the pool on every path to the wait.
cppcoro::task<> sometimes_on_pool(bool flag) {
  if (flag)
    co_await single.schedule();
  cppcoro::sync_wait(single_work(single));
}

// Work that may end without moving onto the pool.
cppcoro::task<> maybe_on_pool(cppcoro::static_thread_pool &pool, bool flag) {
  if (flag)
    co_await pool.schedule();
}
cppcoro::task<> work_sometimes_on_pool(bool flag) {
  co_await single.schedule();
  cppcoro::sync_wait(maybe_on_pool(single, flag));
}

// Work on another pool.
cppcoro::static_thread_pool second{1};
cppcoro::task<> on_other_pool() {
  co_await single.schedule();
  cppcoro::sync_wait(single_work(second));
}
