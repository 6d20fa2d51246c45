// RUN: %check_async_lint %s async-circular-wait %t

// Three or more coroutines started together that lock asynchronous mutexes
// in a circular order: each holds one mutex and waits for the one the next
// holds, the last for the one the first holds. Silent when one order holds
// everywhere, when the chain does not close, and when the coroutines of the
// cycle are not all started together.

#include "coro/libcoro.hpp"

coro::mutex m1, m2, m3, m4;

coro::task<> take_12() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m2.scoped_lock();
}
coro::task<> take_23() {
  auto first = co_await m2.scoped_lock();
  auto second = co_await m3.scoped_lock();
}
coro::task<> take_31() {
  auto first = co_await m3.scoped_lock();
  auto second = co_await m1.scoped_lock();
}
coro::task<> three() {
  co_await coro::when_all(take_12(), take_23(), take_31());
}

// Four, spawned one after the other, lambdas over a template.
template <class Mutex> void four(coro::thread_pool &pool, Mutex &a, Mutex &b,
                                 Mutex &c, Mutex &d) {
  auto lock_two = [&pool](Mutex &x, Mutex &y) -> coro::task<> {
    auto first = co_await x.scoped_lock();
    auto second = co_await y.scoped_lock();
  };
  pool.spawn_detached(lock_two(a, b));
  pool.spawn_detached(lock_two(b, c));
  pool.spawn_detached(lock_two(c, d));
  pool.spawn_detached(lock_two(d, a));
}
template void four(coro::thread_pool &, coro::mutex &, coro::mutex &,
                   coro::mutex &, coro::mutex &);

// ---- Silent.

// One order everywhere: 1 before 2 before 3.
coro::task<> order_12() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m2.scoped_lock();
}
coro::task<> order_23() {
  auto first = co_await m2.scoped_lock();
  auto second = co_await m3.scoped_lock();
}
coro::task<> order_13() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m3.scoped_lock();
}
coro::task<> ordered() {
  co_await coro::when_all(order_12(), order_23(), order_13());
}

// A chain that does not close: nobody waits for 1.
coro::task<> hold_1_wait_2() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m2.scoped_lock();
}
coro::task<> hold_2_wait_4() {
  auto first = co_await m2.scoped_lock();
  auto second = co_await m4.scoped_lock();
}
coro::task<> hold_1_wait_4() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m4.scoped_lock();
}
coro::task<> shared_first() {
  co_await coro::when_all(hold_1_wait_2(), hold_2_wait_4(), hold_1_wait_4());
}

// The cycle 1 -> 2 -> 3 -> 1, but the third is started elsewhere.
coro::task<> apart_12() {
  auto first = co_await m1.scoped_lock();
  auto second = co_await m2.scoped_lock();
}
coro::task<> apart_23() {
  auto first = co_await m2.scoped_lock();
  auto second = co_await m3.scoped_lock();
}
coro::task<> apart_31() {
  auto first = co_await m3.scoped_lock();
  auto second = co_await m1.scoped_lock();
}
coro::task<> two_of_three() {
  co_await coro::when_all(apart_12(), apart_23());
}
coro::task<> the_third() { co_await apart_31(); }

// The cycles, reported at the first coroutine's wait, with notes around them:
// CHECK-NOTES: :15:17: warning: waits for mutex 'm2' while holding 'm1', in a cycle of lock orders with 2 coroutines started with it [async-circular-wait]
// CHECK-NOTES: :14:16: note: 'm1' is locked here
// CHECK-NOTES: :26:27: note: coroutine 'take_12' is started here
// CHECK-NOTES: :26:38: note: and coroutine 'take_23' here, to run together with it
// CHECK-NOTES: :26:49: note: and coroutine 'take_31' here, to run together with it
// CHECK-NOTES: :18:16: note: coroutine 'take_23' locks 'm2' here
// CHECK-NOTES: :19:17: note: and waits for 'm3' here
// CHECK-NOTES: :22:16: note: coroutine 'take_31' locks 'm3' here
// CHECK-NOTES: :23:17: note: and waits for 'm1' here: each holds the mutex the previous waits for; lock them in one order everywhere
// CHECK-NOTES: :34:19: warning: waits for mutex 'y' while holding 'x', in a cycle of lock orders with 3 coroutines started with it [async-circular-wait]
// CHECK-NOTES: :33:18: note: 'x' is locked here
// CHECK-NOTES: :36:23: note: the coroutine lambda is started here
// CHECK-NOTES: :37:23: note: and the coroutine lambda here, to run together with it
// CHECK-NOTES: :38:23: note: and the coroutine lambda here, to run together with it
// CHECK-NOTES: :39:23: note: and the coroutine lambda here, to run together with it
// CHECK-NOTES: :33:18: note: the coroutine lambda locks 'x' here
// CHECK-NOTES: :34:19: note: and waits for 'y' here
// CHECK-NOTES: :33:18: note: the coroutine lambda locks 'x' here
// CHECK-NOTES: :34:19: note: and waits for 'y' here
// CHECK-NOTES: :33:18: note: the coroutine lambda locks 'x' here
// CHECK-NOTES: :34:19: note: and waits for 'y' here: each holds the mutex the previous waits for; lock them in one order everywhere
