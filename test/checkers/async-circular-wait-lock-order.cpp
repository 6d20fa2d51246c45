// RUN: %check_async_lint %s async-circular-wait %t

// Two coroutines started together (one when_all, or spawns one after the
// other) that lock two asynchronous mutexes in opposite orders: each can
// hold one and wait for the other. Silent for one order everywhere, for
// coroutines not started together, for a guard not kept, and for locks
// released before the second is taken.

#include "coro/libcoro.hpp"
#include "cppcoro/async_mutex.hpp"

coro::mutex a, b;

coro::task<> forward() {
  auto first = co_await a.scoped_lock();
  auto second = co_await b.scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: waits for mutex 'b' while holding 'a'; coroutine 'backward' locks them in the opposite order [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:16: note: 'a' is locked here
  // CHECK-NOTES: :[[@LINE+10]]:27: note: coroutine 'forward' is started here
  // CHECK-NOTES: :[[@LINE+9]]:38: note: and coroutine 'backward' here, to run together with it
  // CHECK-NOTES: :[[@LINE+4]]:16: note: coroutine 'backward' locks 'b' here
  // CHECK-NOTES: :[[@LINE+4]]:17: note: and waits for 'a' here: each holds the mutex the other waits for; lock them in one order everywhere
}
coro::task<> backward() {
  auto first = co_await b.scoped_lock();
  auto second = co_await a.scoped_lock();
}
coro::task<> run_both() {
  co_await coro::when_all(forward(), backward());
}

// The same coroutine given the mutexes in opposite orders, spawned twice;
// the mutexes locked and unlocked by hand.
coro::task<> transfer(cppcoro::async_mutex &from, cppcoro::async_mutex &to) {
  co_await from.lock_async();
  co_await to.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'to' while holding 'from'; another run of coroutine 'transfer' locks them in the opposite order [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'from' is locked here
  // CHECK-NOTES: :[[@LINE+9]]:23: note: coroutine 'transfer' is started here
  // CHECK-NOTES: :[[@LINE+9]]:23: note: and coroutine 'transfer' here, to run together with it
  // CHECK-NOTES: :[[@LINE-6]]:3: note: coroutine 'transfer' locks 'from' here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: and waits for 'to' here: each holds the mutex the other waits for; lock them in one order everywhere
  to.unlock();
  from.unlock();
}
void start_transfers(coro::thread_pool &pool, cppcoro::async_mutex &x,
                     cppcoro::async_mutex &y) {
  pool.spawn_detached(transfer(x, y));
  pool.spawn_detached(transfer(y, x));
}

// ---- Silent.

// One order everywhere.
coro::task<> also_forward() {
  auto first = co_await a.scoped_lock();
  auto second = co_await b.scoped_lock();
}
coro::task<> same_order() {
  co_await coro::when_all(forward(), also_forward());
}

// Released before the second lock; a guard not kept lets go at once.
coro::task<> released_first() {
  {
    auto first = co_await b.scoped_lock();
  }
  co_await b.scoped_lock();
  auto second = co_await a.scoped_lock();
  second.unlock();
}
coro::task<> released_runs_with_forward() {
  co_await coro::when_all(forward(), released_first());
}

// Not started together: one after the other on different branches.
void one_or_other(coro::thread_pool &pool, bool flag) {
  if (flag)
    pool.spawn_detached(forward());
  else
    pool.spawn_detached(backward());
}

// The same coroutine given the mutexes in the same order.
void same_arguments(coro::thread_pool &pool, cppcoro::async_mutex &x,
                    cppcoro::async_mutex &y) {
  pool.spawn_detached(transfer(x, y));
  pool.spawn_detached(transfer(x, y));
}

// Each coroutine's own mutexes.
coro::task<> own_mutexes() {
  coro::mutex m1, m2;
  auto l1 = co_await m1.scoped_lock();
  auto l2 = co_await m2.scoped_lock();
}
coro::task<> own_mutexes_reversed() {
  coro::mutex m1, m2;
  auto l2 = co_await m2.scoped_lock();
  auto l1 = co_await m1.scoped_lock();
}
coro::task<> own_both() {
  co_await coro::when_all(own_mutexes(), own_mutexes_reversed());
}
