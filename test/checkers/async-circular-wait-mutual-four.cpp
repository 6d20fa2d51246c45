// RUN: %check_async_lint %s async-circular-wait %t

// Cycles of event waits through four and five coroutines started together:
// each awaits an event that only the next one sets, after its own wait.
// Silent when one link of the ring is open, and when a party outside the
// ring can reach one of its events.

#include "coro/libcoro.hpp"

coro::task<> relay(coro::event &in, coro::event &out) {
  co_await in;
  out.set();
}

coro::task<> four() {
  coro::event a, b, c, d;
  co_await coro::when_all(relay(a, b), relay(d, a), relay(c, d), relay(b, c));
}

// Five, spawned onto a pool, through a template coroutine.
template <class Event> coro::task<> pass_on(Event &in, Event &out) {
  co_await in;
  out.set();
}
void five(coro::thread_pool &pool) {
  coro::event a, b, c, d, e;
  pool.spawn_detached(pass_on(a, b));
  pool.spawn_detached(pass_on(e, a));
  pool.spawn_detached(pass_on(d, e));
  pool.spawn_detached(pass_on(c, d));
  pool.spawn_detached(pass_on(b, c));
}

// ---- Silent. (Each twin has coroutines of its own: a finding is reported
// once per wait, so a twin sharing relay's wait would be silent anyway.)

coro::task<> hop(coro::event &in, coro::event &out) {
  co_await in;
  out.set();
}
coro::task<> step(coro::event &in, coro::event &out) {
  co_await in;
  out.set();
}

// One link is open: the last one sets its event before it waits.
coro::task<> eager_setter(coro::event &in, coro::event &out) {
  out.set();
  co_await in;
}
coro::task<> open_four() {
  coro::event a, b, c, d;
  co_await coro::when_all(hop(a, b), hop(d, a), hop(c, d), eager_setter(b, c));
}

// A fifth party started with them sets one of the events.
coro::task<> kick(coro::event &e) {
  e.set();
  co_return;
}
coro::task<> four_and_kick() {
  coro::event a, b, c, d;
  co_await coro::when_all(step(a, b), step(d, a), step(c, d), step(b, c),
                          kick(c));
}

// The rings, reported at the first wait, with notes around each ring:
// CHECK-NOTES: :11:3: warning: waits for 'a', which another run of coroutine 'relay' sets only after its own wait [async-circular-wait]
// CHECK-NOTES: :17:27: note: coroutine 'relay' is started here
// CHECK-NOTES: :17:40: note: and coroutine 'relay' here, to run together with it
// CHECK-NOTES: :17:53: note: and coroutine 'relay' here, to run together with it
// CHECK-NOTES: :17:66: note: and coroutine 'relay' here, to run together with it
// CHECK-NOTES: :11:3: note: coroutine 'relay' waits here for 'd', which nothing has set
// CHECK-NOTES: :12:3: note: and sets 'a' only here, after that wait
// CHECK-NOTES: :11:3: note: coroutine 'relay' waits here for 'c', which nothing has set
// CHECK-NOTES: :12:3: note: and sets 'd' only here, after that wait
// CHECK-NOTES: :11:3: note: coroutine 'relay' waits here for 'b', which nothing has set
// CHECK-NOTES: :12:3: note: and sets 'c' only here, after that wait
// CHECK-NOTES: :12:3: note: 'b' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
// CHECK-NOTES: :22:3: warning: waits for 'a', which another run of coroutine 'pass_on' sets only after its own wait [async-circular-wait]
// CHECK-NOTES: :27:23: note: coroutine 'pass_on' is started here
// CHECK-NOTES: :28:23: note: and coroutine 'pass_on' here, to run together with it
// CHECK-NOTES: :29:23: note: and coroutine 'pass_on' here, to run together with it
// CHECK-NOTES: :30:23: note: and coroutine 'pass_on' here, to run together with it
// CHECK-NOTES: :31:23: note: and coroutine 'pass_on' here, to run together with it
// CHECK-NOTES: :22:3: note: coroutine 'pass_on' waits here for 'e', which nothing has set
// CHECK-NOTES: :23:3: note: and sets 'a' only here, after that wait
// CHECK-NOTES: :22:3: note: coroutine 'pass_on' waits here for 'd', which nothing has set
// CHECK-NOTES: :23:3: note: and sets 'e' only here, after that wait
// CHECK-NOTES: :22:3: note: coroutine 'pass_on' waits here for 'c', which nothing has set
// CHECK-NOTES: :23:3: note: and sets 'd' only here, after that wait
// CHECK-NOTES: :22:3: note: coroutine 'pass_on' waits here for 'b', which nothing has set
// CHECK-NOTES: :23:3: note: and sets 'c' only here, after that wait
// CHECK-NOTES: :23:3: note: 'b' is set only here, after the first wait: each waits for the next and none resumes; set one of them before its wait
