// RUN: %check_async_lint %s async-circular-wait %t

// Three coroutines started together that wait for each other in a cycle:
// each awaits an event that only the next one sets, after its own wait. None
// passes its wait. Silent when the cycle is open (one of them sets its
// event before waiting, or never sets it), when a fourth party can reach an
// event, and for events the starting function sets.

#include "coro/libcoro.hpp"
#include "cppcoro/events.hpp"

// The same coroutine started three times with the events rotated.
coro::task<> relay(coro::event &in, coro::event &out) {
  co_await in;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'x', which another run of coroutine 'relay' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+12]]:27: note: coroutine 'relay' is started here
  // CHECK-NOTES: :[[@LINE+11]]:40: note: and coroutine 'relay' here, to run together with it
  // CHECK-NOTES: :[[@LINE+10]]:53: note: and coroutine 'relay' here, to run together with it
  // CHECK-NOTES: :[[@LINE-5]]:3: note: coroutine 'relay' waits here for 'z', which nothing has set
  // CHECK-NOTES: :[[@LINE+4]]:3: note: and sets 'x' only here, after that wait
  // CHECK-NOTES: :[[@LINE-7]]:3: note: coroutine 'relay' waits here for 'y', which nothing has set
  // CHECK-NOTES: :[[@LINE+2]]:3: note: and sets 'z' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'y' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
  out.set();
}
coro::task<> rotate() {
  coro::event x, y, z;
  co_await coro::when_all(relay(x, y), relay(z, x), relay(y, z));
}

// Three different coroutines, spawned onto a pool; the waits of cppcoro
// events.
using Event = cppcoro::async_manual_reset_event;
coro::task<> first(Event &a, Event &c) {
  co_await a;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'a', which coroutine 'second' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+20]]:23: note: coroutine 'first' is started here
  // CHECK-NOTES: :[[@LINE+20]]:23: note: and coroutine 'second' here, to run together with it
  // CHECK-NOTES: :[[@LINE+20]]:23: note: and coroutine 'third' here, to run together with it
  // CHECK-NOTES: :[[@LINE+8]]:3: note: coroutine 'second' waits here for 'b', which nothing has set
  // CHECK-NOTES: :[[@LINE+8]]:3: note: and sets 'a' only here, after that wait
  // CHECK-NOTES: :[[@LINE+10]]:3: note: coroutine 'third' waits here for 'c', which nothing has set
  // CHECK-NOTES: :[[@LINE+10]]:3: note: and sets 'b' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'c' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
  c.set();
}
coro::task<> second(Event &b, Event &a) {
  co_await b;
  a.set();
}
coro::task<> third(Event &c, Event &b) {
  co_await c;
  b.set();
}
void spawn_three(coro::thread_pool &pool) {
  Event a, b, c;
  pool.spawn_detached(first(a, c));
  pool.spawn_detached(second(b, a));
  pool.spawn_detached(third(c, b));
}

// Lambda coroutines capturing the events.
coro::task<> lambdas() {
  coro::event p, q, r;
  co_await coro::when_all(
      [&]() -> coro::task<> {
        co_await p;
        // CHECK-NOTES: :[[@LINE-1]]:9: warning: waits for 'p', which the coroutine lambda sets only after its own wait [async-circular-wait]
        // CHECK-NOTES: :[[@LINE-3]]:7: note: the coroutine lambda is started here
        // CHECK-NOTES: :[[@LINE+9]]:7: note: and the coroutine lambda here, to run together with it
        // CHECK-NOTES: :[[@LINE+12]]:7: note: and the coroutine lambda here, to run together with it
        // CHECK-NOTES: :[[@LINE+8]]:9: note: the coroutine lambda waits here for 'q', which nothing has set
        // CHECK-NOTES: :[[@LINE+8]]:9: note: and sets 'p' only here, after that wait
        // CHECK-NOTES: :[[@LINE+10]]:9: note: the coroutine lambda waits here for 'r', which nothing has set
        // CHECK-NOTES: :[[@LINE+10]]:9: note: and sets 'q' only here, after that wait
        // CHECK-NOTES: :[[@LINE+1]]:9: note: 'r' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
        r.set();
      }(),
      [&]() -> coro::task<> {
        co_await q;
        p.set();
      }(),
      [&]() -> coro::task<> {
        co_await r;
        q.set();
      }());
}

// A template coroutine, the cycle through a macro.
template <class E> coro::task<> pass_on(E &in, E &out) {
  co_await in;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'x', which another run of coroutine 'pass_on' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+17]]:12: note: coroutine 'pass_on' is started here
  // CHECK-NOTES: :[[@LINE+13]]:18: note: expanded from macro 'RING'
  // CHECK-NOTES: :[[@LINE+15]]:12: note: and coroutine 'pass_on' here, to run together with it
  // CHECK-NOTES: :[[@LINE+11]]:33: note: expanded from macro 'RING'
  // CHECK-NOTES: :[[@LINE+13]]:12: note: and coroutine 'pass_on' here, to run together with it
  // CHECK-NOTES: :[[@LINE+9]]:48: note: expanded from macro 'RING'
  // CHECK-NOTES: :[[@LINE-8]]:3: note: coroutine 'pass_on' waits here for 'z', which nothing has set
  // CHECK-NOTES: :[[@LINE+4]]:3: note: and sets 'x' only here, after that wait
  // CHECK-NOTES: :[[@LINE-10]]:3: note: coroutine 'pass_on' waits here for 'y', which nothing has set
  // CHECK-NOTES: :[[@LINE+2]]:3: note: and sets 'z' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'y' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
  out.set();
}
#define RING(a, b, c)                                                          \
  coro::when_all(pass_on(a, b), pass_on(c, a), pass_on(b, c))
coro::task<> ring() {
  coro::event x, y, z;
  co_await RING(x, y, z);
}

// ---- Silent.

// The cycle is open: the third sets its event before waiting.
coro::task<> eager_setter(coro::event &in, coro::event &out) {
  out.set();
  co_await in;
}
coro::task<> open_cycle() {
  coro::event x, y, z;
  co_await coro::when_all(relay(x, y), relay(z, x), eager_setter(y, z));
}

// The chain never closes: the last one sets nothing.
coro::task<> sink(coro::event &in, coro::event &) { co_await in; }
coro::task<> chain() {
  coro::event x, y, z;
  co_await coro::when_all(relay(x, y), relay(z, x), sink(y, z));
}

// A fourth coroutine started with them can set one.
coro::task<> kick(coro::event &e) {
  e.set();
  co_return;
}
coro::task<> with_fourth() {
  coro::event x, y, z;
  co_await coro::when_all(relay(x, y), relay(z, x), relay(y, z), kick(y));
}

// The starting function sets one.
void starter_sets(coro::thread_pool &pool) {
  coro::event x, y, z;
  pool.spawn_detached(relay(x, y));
  pool.spawn_detached(relay(z, x));
  pool.spawn_detached(relay(y, z));
  z.set();
}
