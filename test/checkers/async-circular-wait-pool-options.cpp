// RUN: %check_async_lint %s async-circular-wait %t

// libcoro's thread_pool, made by thread_pool::make_unique from an options
// struct whose thread_count is 1, held by the unique_ptr it returns: a
// coroutine on its only thread that blocks it with sync_wait on work that
// must run on that pool never returns. Silent for another count, a count
// not known, options not written at the call, and a pointer not made there.

#include "coro/libcoro.hpp"

coro::task<> work(coro::thread_pool &tp) { co_await tp.schedule(); }

// A lambda coroutine on the pool the function made (as libcoro's own tests
// write it), the work given the pool the pointer points to.
void lambdaBlocks() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 1});
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'sync_wait' blocks the only thread of 'tp', which the work it waits for needs: it never returns [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-6]]:8: note: 'tp' has one thread
    // CHECK-NOTES: :[[@LINE-4]]:5: note: this coroutine runs on it from here
    // CHECK-NOTES: :[[@LINE-13]]:44: note: coroutine 'work' waits here for that thread; await the work instead of blocking
  };
  coro::sync_wait(outer());
}

// The work a lambda too, the wait through a macro, the schedule through *.
#define BLOCK_ON(x) coro::sync_wait(x)
void macroBlocks() {
  auto tp = coro::thread_pool::make_unique({.thread_count = 1});
  auto inner = [&]() -> coro::task<> { co_await (*tp).schedule(); };
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    BLOCK_ON(inner());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'sync_wait' blocks the only thread of 'tp', which the work it waits for needs: it never returns [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-8]]:21: note: expanded from macro 'BLOCK_ON'
    // CHECK-NOTES: :[[@LINE-7]]:8: note: 'tp' has one thread
    // CHECK-NOTES: :[[@LINE-5]]:5: note: this coroutine runs on it from here
    // CHECK-NOTES: :[[@LINE-8]]:40: note: coroutine lambda waits here for that thread; await the work instead of blocking
  };
  coro::sync_wait(outer());
}

// A member function that makes the pool; a template coroutine as the work.
template <class Pool> coro::task<> generic_work(Pool &pool) {
  co_await pool.schedule();
}
struct Service {
  void run() {
    auto tp = coro::thread_pool::make_unique(
        coro::thread_pool::options{.thread_count = 1,
                                   .on_thread_start_functor = 0});
    auto outer = [&]() -> coro::task<> {
      co_await tp->schedule();
      coro::sync_wait(generic_work(*tp));
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'sync_wait' blocks the only thread of 'tp', which the work it waits for needs: it never returns [async-circular-wait]
      // CHECK-NOTES: :[[@LINE-7]]:10: note: 'tp' has one thread
      // CHECK-NOTES: :[[@LINE-4]]:7: note: this coroutine runs on it from here
      // CHECK-NOTES: :[[@LINE-13]]:3: note: coroutine 'generic_work' waits here for that thread; await the work instead of blocking
    };
    coro::sync_wait(outer());
  }
};

// ---- Silent.

// More threads, the default count, a count not known.
unsigned threads();
void manyThreads() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = 2});
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}
void defaultCount() {
  auto tp = coro::thread_pool::make_unique();
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}
void unknownCount() {
  auto tp = coro::thread_pool::make_unique(
      coro::thread_pool::options{.thread_count = threads()});
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}

// Options kept in a variable may change before the call: not read.
void optionsVariable() {
  coro::thread_pool::options opts{.thread_count = 1};
  auto tp = coro::thread_pool::make_unique(opts);
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}

// A pointer given by another call: its count is not known.
coro::thread_pool::owner<coro::thread_pool> pool();
void notMadeHere() {
  auto tp = pool();
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*tp));
  };
  coro::sync_wait(outer());
}

// Work on another one-thread pool.
void otherPool() {
  auto tp = coro::thread_pool::make_unique({.thread_count = 1});
  auto other = coro::thread_pool::make_unique({.thread_count = 1});
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    coro::sync_wait(work(*other));
  };
  coro::sync_wait(outer());
}

// Awaited instead of blocked on.
void awaited() {
  auto tp = coro::thread_pool::make_unique({.thread_count = 1});
  auto outer = [&]() -> coro::task<> {
    co_await tp->schedule();
    co_await work(*tp);
  };
  coro::sync_wait(outer());
}
