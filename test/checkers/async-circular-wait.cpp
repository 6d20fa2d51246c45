// RUN: %check_async_lint %s async-circular-wait %t

// A coroutine that awaits an event of its own that only its code after the
// wait would set never resumes: nothing else can reach the event before the
// wait. Silent as soon as anything else could set it first.

#include "async_simple/Latch.h"
#include "coro/libcoro.hpp"
#include "cppcoro/events.hpp"

void consume(coro::event &);
coro::task<> worker(coro::event &);
coro::task<> spawn_worker(coro::latch &);

coro::task<> set_after_wait() {
  coro::event done;
  co_await done;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'done', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'done' is a local of this coroutine; no other code can reach it before the wait
  done.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'done' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
}

coro::task<> never_set() {
  cppcoro::async_manual_reset_event ready{false};
  co_await ready;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'ready', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:37: note: 'ready' is a local of this coroutine; no other code can reach it before the wait
}

// A latch counted down only after the wait, in a loop below it.
coro::task<> latch_counted_later(int n) {
  coro::latch all(3);
  co_await all;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'all', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'all' is a local of this coroutine; no other code can reach it before the wait
  for (int i = 0; i < n; ++i)
    all.count_down();
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'all' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
}

// async_simple's latch is awaited through wait().
async_simple::coro::Lazy<> simple_latch() {
  async_simple::coro::Latch latch(1);
  co_await latch.wait();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'latch', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:29: note: 'latch' is a local of this coroutine; no other code can reach it before the wait
  co_await latch.count_down();
  // CHECK-NOTES: :[[@LINE-1]]:12: note: 'latch' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
}

// The wait is the first of the path: the setter on another branch runs
// only when that branch is taken instead.
coro::task<> set_on_other_branch(bool flag) {
  cppcoro::single_consumer_event ev;
  if (flag) {
    co_await ev;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine waits for 'ev', which nothing can set before this wait: it never resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-4]]:34: note: 'ev' is a local of this coroutine; no other code can reach it before the wait
  } else {
    ev.set();
  }
}

// In a lambda coroutine, the event is the lambda's own.
auto in_lambda = []() -> coro::task<> {
  coro::event e;
  co_await e;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'e', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'e' is a local of this coroutine; no other code can reach it before the wait
  e.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'e' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
};

// Templates: each instantiation is judged.
template <class Event> coro::task<> templated() {
  Event ev;
  co_await ev;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'ev', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: 'ev' is a local of this coroutine; no other code can reach it before the wait
  ev.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'ev' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
}
template coro::task<> templated<coro::event>();

// Macros: reported where the macro is used.
#define WAIT_FOR(e) co_await e
coro::task<> through_macro() {
  coro::event e;
  WAIT_FOR(e);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for 'e', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-5]]:21: note: expanded from macro 'WAIT_FOR'
  // CHECK-NOTES: :[[@LINE-4]]:15: note: 'e' is a local of this coroutine; no other code can reach it before the wait
  e.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'e' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
}

// ---- Silent: something else can set the event first.

coro::task<> set_before_wait() {
  coro::event done;
  done.set();
  co_await done;
}

coro::task<> handed_to_worker(coro::thread_pool &pool) {
  coro::event done;
  pool.spawn_detached(worker(done));
  co_await done;
  done.reset();
}

coro::task<> address_escapes() {
  coro::event done;
  consume(done);
  co_await done;
  done.set();
}

coro::task<> captured_by_lambda(coro::thread_pool &pool) {
  coro::event done;
  auto signal = [&] { done.set(); };
  signal();
  co_await done;
}

// The event is not the coroutine's own: a parameter, a member, a global, a
// local of the enclosing function captured by a lambda coroutine.
coro::event global_event;
coro::task<> waits_for_global() {
  co_await global_event;
  global_event.set();
}
coro::task<> waits_for_parameter(coro::event &e) {
  co_await e;
  e.set();
}
struct Session {
  coro::event closed;
  coro::task<> wait_closed() {
    co_await closed;
    closed.set();
  }
};
void outer_local() {
  coro::event shared;
  auto waiter = [&]() -> coro::task<> {
    co_await shared;
    shared.set();
  };
  waiter();
  shared.set();
}

// Created set, or a latch already at zero.
coro::task<> initially_set() {
  coro::event ready{true};
  co_await ready;
  cppcoro::async_latch none(0);
  co_await none;
}

// A count not known here: silent.
coro::task<> unknown_count(long n) {
  coro::latch all(n);
  co_await all;
  all.count_down();
}

// The wait comes again in a loop after a set: the first arrival is what
// counts, and the event was set before it.
coro::task<> loop_after_set(int n) {
  coro::event tick;
  tick.set();
  for (int i = 0; i < n; ++i) {
    co_await tick;
    tick.reset();
  }
}

// A latch handed to a started task before the wait.
coro::task<> latch_to_task(coro::thread_pool &pool) {
  coro::latch all(1);
  pool.spawn_detached(spawn_worker(all));
  co_await all;
}
