// RUN: %check_async_lint %s async-circular-wait %t

// Two coroutines started together, each waiting for an event that only the
// other sets, and only after its own wait: neither passes its wait. Silent
// when either sets its event before waiting on some path, when the events
// can be reached by anyone else (the starting function, a third coroutine,
// a member, a global, a parameter), and when the two do not run together.

#include "coro/libcoro.hpp"
#include "cppcoro/events.hpp"

coro::task<> ping(coro::event &mine, coro::event &theirs) {
  co_await mine;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'a', which coroutine 'pong' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+13]]:27: note: coroutine 'ping' is started here
  // CHECK-NOTES: :[[@LINE+12]]:39: note: and coroutine 'pong' here, to run together with it
  // CHECK-NOTES: :[[@LINE+6]]:3: note: coroutine 'pong' waits here for 'b', which nothing has set
  // CHECK-NOTES: :[[@LINE+6]]:3: note: and sets 'a' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'b' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
  theirs.set();
}
coro::task<> pong(coro::event &theirs, coro::event &mine) {
  co_await mine;
  theirs.set();
}
coro::task<> play() {
  coro::event a, b;
  co_await coro::when_all(ping(a, b), pong(a, b));
}

// The same coroutine started twice with the events swapped.
coro::task<> relay(cppcoro::async_manual_reset_event &in,
                   cppcoro::async_manual_reset_event &out) {
  co_await in;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'x', which another run of coroutine 'relay' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+9]]:27: note: coroutine 'relay' is started here
  // CHECK-NOTES: :[[@LINE+8]]:40: note: and coroutine 'relay' here, to run together with it
  // CHECK-NOTES: :[[@LINE-4]]:3: note: coroutine 'relay' waits here for 'y', which nothing has set
  // CHECK-NOTES: :[[@LINE+2]]:3: note: and sets 'x' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'y' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
  out.set();
}
coro::task<> relay_both() {
  cppcoro::async_manual_reset_event x, y;
  co_await coro::when_all(relay(x, y), relay(y, x));
}

// A template coroutine; the wait and the set through a macro.
#define WAIT_THEN_SET(in, out)                                                 \
  co_await in;                                                                 \
  out.set()
template <class Event> coro::task<> relay_t(Event &in, Event &out) {
  WAIT_THEN_SET(in, out);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'x', which another run of coroutine 'relay_t' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: expanded from macro 'WAIT_THEN_SET'
  // CHECK-NOTES: :[[@LINE+11]]:27: note: coroutine 'relay_t' is started here
  // CHECK-NOTES: :[[@LINE+10]]:42: note: and coroutine 'relay_t' here, to run together with it
  // CHECK-NOTES: :[[@LINE-5]]:3: note: coroutine 'relay_t' waits here for 'y', which nothing has set
  // CHECK-NOTES: :[[@LINE-9]]:3: note: expanded from macro 'WAIT_THEN_SET'
  // CHECK-NOTES: :[[@LINE-7]]:21: note: and sets 'x' only here, after that wait
  // CHECK-NOTES: :[[@LINE-10]]:3: note: expanded from macro 'WAIT_THEN_SET'
  // CHECK-NOTES: :[[@LINE-9]]:21: note: 'y' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
  // CHECK-NOTES: :[[@LINE-12]]:3: note: expanded from macro 'WAIT_THEN_SET'
}
coro::task<> relay_template() {
  cppcoro::single_consumer_event x, y;
  co_await coro::when_all(relay_t(x, y), relay_t(y, x));
}

// Lambda coroutines capturing the events by reference.
coro::task<> lambdas() {
  coro::event left, right;
  co_await coro::when_all(
      [&]() -> coro::task<> {
        co_await left;
        // CHECK-NOTES: :[[@LINE-1]]:9: warning: waits for 'left', which the coroutine lambda sets only after its own wait [async-circular-wait]
        // CHECK-NOTES: :[[@LINE-3]]:7: note: the coroutine lambda is started here
        // CHECK-NOTES: :[[@LINE+6]]:7: note: and the coroutine lambda here, to run together with it
        // CHECK-NOTES: :[[@LINE+6]]:9: note: the coroutine lambda waits here for 'right', which nothing has set
        // CHECK-NOTES: :[[@LINE+6]]:9: note: and sets 'left' only here, after that wait
        // CHECK-NOTES: :[[@LINE+1]]:9: note: 'right' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
        right.set();
      }(),
      [&]() -> coro::task<> {
        co_await right;
        left.set();
      }());
}

// Lambda coroutines kept in variables, called in the start call.
coro::task<> stored_lambdas() {
  cppcoro::async_manual_reset_event up, down;
  auto climb = [&]() -> coro::task<> {
    co_await up;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for 'up', which the coroutine lambda sets only after its own wait [async-circular-wait]
    // CHECK-NOTES: :[[@LINE+11]]:27: note: the coroutine lambda is started here
    // CHECK-NOTES: :[[@LINE+10]]:36: note: and the coroutine lambda here, to run together with it
    // CHECK-NOTES: :[[@LINE+6]]:5: note: the coroutine lambda waits here for 'down', which nothing has set
    // CHECK-NOTES: :[[@LINE+6]]:5: note: and sets 'up' only here, after that wait
    // CHECK-NOTES: :[[@LINE+1]]:5: note: 'down' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
    down.set();
  };
  auto fall = [&]() -> coro::task<> {
    co_await down;
    up.set();
  };
  co_await coro::when_all(climb(), fall());
}

// Member coroutines of one object, started by a member function; a latch
// counted down only after the wait.
struct Stage {
  coro::task<> produce(coro::latch &ready, coro::event &go);
  coro::task<> consume(coro::latch &ready, coro::event &go);
  coro::task<> run() {
    coro::latch ready(1);
    coro::event go;
    co_await coro::when_all(produce(ready, go), consume(ready, go));
  }
};
coro::task<> Stage::produce(coro::latch &ready, coro::event &go) {
  co_await go;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'go', which coroutine 'consume' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-6]]:29: note: coroutine 'produce' is started here
  // CHECK-NOTES: :[[@LINE-7]]:49: note: and coroutine 'consume' here, to run together with it
  // CHECK-NOTES: :[[@LINE+6]]:3: note: coroutine 'consume' waits here for 'ready', which nothing has set
  // CHECK-NOTES: :[[@LINE+6]]:3: note: and sets 'go' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'ready' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
  ready.count_down();
}
coro::task<> Stage::consume(coro::latch &ready, coro::event &go) {
  co_await ready;
  go.set();
}

// Two spawns, one after the other, in a coroutine that then waits.
coro::task<> first_half(coro::event &mine, coro::event &theirs) {
  co_await mine;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for 'a', which coroutine 'second_half' sets only after its own wait [async-circular-wait]
  // CHECK-NOTES: :[[@LINE+13]]:23: note: coroutine 'first_half' is started here
  // CHECK-NOTES: :[[@LINE+13]]:23: note: and coroutine 'second_half' here, to run together with it
  // CHECK-NOTES: :[[@LINE+6]]:3: note: coroutine 'second_half' waits here for 'b', which nothing has set
  // CHECK-NOTES: :[[@LINE+6]]:3: note: and sets 'a' only here, after that wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'b' is set only here, after the first wait: each waits for the other and neither resumes; set one of them before its wait
  theirs.set();
}
coro::task<> second_half(coro::event &theirs, coro::event &mine) {
  co_await mine;
  theirs.set();
}
coro::task<> spawned(coro::thread_pool &pool, coro::event &done) {
  coro::event a, b;
  pool.spawn_detached(first_half(a, b));
  pool.spawn_detached(second_half(a, b));
  co_await done;
}

// ---- Silent. Each case has coroutines of its own: a finding is reported
// once per wait, so a wait reported above would hide one here.

// One sets its event before its wait.
coro::task<> wait_a1(coro::event &mine, coro::event &theirs) {
  co_await mine;
  theirs.set();
}
coro::task<> set_first(coro::event &theirs, coro::event &mine) {
  theirs.set();
  co_await mine;
}
coro::task<> one_sets_first() {
  coro::event a, b;
  co_await coro::when_all(wait_a1(a, b), set_first(a, b));
}

// One sets it before its wait on some path.
coro::task<> wait_a2(coro::event &mine, coro::event &theirs) {
  co_await mine;
  theirs.set();
}
coro::task<> set_first_sometimes(coro::event &theirs, coro::event &mine,
                                 bool flag) {
  if (flag)
    theirs.set();
  co_await mine;
  theirs.set();
}
coro::task<> sometimes(bool flag) {
  coro::event a, b;
  co_await coro::when_all(wait_a2(a, b), set_first_sometimes(a, b, flag));
}

// One may leave without waiting.
coro::task<> wait_a3(coro::event &mine, coro::event &theirs) {
  co_await mine;
  theirs.set();
}
coro::task<> may_skip(coro::event &theirs, coro::event &mine, bool flag) {
  if (flag)
    co_return;
  co_await mine;
  theirs.set();
}
coro::task<> skipping(bool flag) {
  coro::event a, b;
  co_await coro::when_all(wait_a3(a, b), may_skip(a, b, flag));
}

// The events that the other coroutine can reach: a twin of play() for the
// cases below, whose starts differ.
coro::task<> wait_b(coro::event &mine, coro::event &theirs) {
  co_await mine;
  theirs.set();
}
coro::task<> wait_c(coro::event &theirs, coro::event &mine) {
  co_await mine;
  theirs.set();
}

// A third coroutine started with them can set one.
coro::task<> kick(coro::event &e) {
  e.set();
  co_return;
}
coro::task<> with_third() {
  coro::event a, b;
  co_await coro::when_all(wait_b(a, b), wait_c(a, b), kick(a));
}

// The starting function sets one, or creates it set.
coro::task<> starter_sets(coro::thread_pool &pool) {
  coro::event a, b;
  pool.spawn_detached(wait_b(a, b));
  pool.spawn_detached(wait_c(a, b));
  a.set();
  co_await pool.schedule();
}
coro::task<> created_set() {
  coro::event a{true}, b;
  co_await coro::when_all(wait_b(a, b), wait_c(a, b));
}

// Events that others may reach: the starter's parameters, globals, members.
coro::task<> parameters(coro::event &a, coro::event &b) {
  co_await coro::when_all(wait_b(a, b), wait_c(a, b));
}
coro::event global_a, global_b;
coro::task<> globals() {
  co_await coro::when_all(wait_b(global_a, global_b),
                          wait_c(global_a, global_b));
}
struct Holder {
  coro::event a, b;
  coro::task<> members() {
    co_await coro::when_all(wait_b(a, b), wait_c(a, b));
  }
};

// Not started together: one after the other.
coro::task<> in_sequence() {
  coro::event a, b;
  co_await wait_b(a, b);
  co_await wait_c(a, b);
}

// Both wait for the same event: no cycle between the two.
coro::task<> same_event() {
  coro::event a, b;
  co_await coro::when_all(wait_b(a, b), wait_b(a, b));
}
