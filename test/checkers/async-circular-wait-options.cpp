// Defaults: every coroutine is judged; corp::Event is not a known event.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-circular-wait %t.default
// A coroutine listed in IgnoredFunctions is not judged (nor paired with
// another member coroutine of its class); an in-house event type, its
// signal member, an in-house start function and an in-house lock function
// (the shared AsyncLockFunctions) can be listed.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-circular-wait %t.custom \
// RUN:   --config="{CheckOptions: {async-circular-wait.IgnoredFunctions: 'legacy::reported;Pair::backward', async-circular-wait.EventTypes: 'corp::Event', async-circular-wait.EventSignalMembers: 'corp::Event::fire', async-circular-wait.StartFunctions: 'corp::go', async-circular-wait.AsyncLockFunctions: 'corp::acquire'}}"

#include "coro/libcoro.hpp"

namespace corp {
struct Event {
  coro::event::awaiter operator co_await() const noexcept { return {}; }
  void fire();
};
void go(coro::task<> &&);
// Locks the mutex given, returning its guard.
coro::mutex::lock_operation acquire(coro::mutex &m);
} // namespace corp

namespace legacy {
coro::task<> reported() {
  coro::event e;
  co_await e;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: coroutine waits for 'e', which nothing can set before this wait: it never resumes [async-circular-wait]
  e.set();
}
} // namespace legacy

coro::task<> in_house() {
  corp::Event e;
  co_await e;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: coroutine waits for 'e', which nothing can set before this wait: it never resumes [async-circular-wait]
  e.fire();
}

coro::mutex m1, m2;
coro::task<> one() {
  auto l1 = co_await m1.scoped_lock();
  auto l2 = co_await m2.scoped_lock();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:13: warning: waits for mutex 'm2' while holding 'm1'; coroutine 'two' locks them in the opposite order [async-circular-wait]
}
coro::task<> two() {
  auto l2 = co_await m2.scoped_lock();
  auto l1 = co_await m1.scoped_lock();
}
void start() {
  corp::go(one());
  corp::go(two());
}

// Member coroutines of one class in opposite orders: the second side is
// ignored in CUSTOM.
class Pair {
public:
  coro::task<> forward() {
    auto first = co_await a_.scoped_lock();
    auto second = co_await b_.scoped_lock();
    // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: waits for mutex 'b_' while holding 'a_'; coroutine 'backward' locks them in the opposite order [async-circular-wait]
  }
  coro::task<> backward() {
    auto first = co_await b_.scoped_lock();
    auto second = co_await a_.scoped_lock();
  }

private:
  coro::mutex a_, b_;
};

// An in-house lock function: a lock only when listed (CUSTOM).
class Acquired {
public:
  coro::task<> forward() {
    auto first = co_await corp::acquire(a_);
    auto second = co_await corp::acquire(b_);
    // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:19: warning: waits for mutex 'b_' while holding 'a_'; coroutine 'backward' locks them in the opposite order [async-circular-wait]
  }
  coro::task<> backward() {
    auto first = co_await corp::acquire(b_);
    auto second = co_await corp::acquire(a_);
  }

private:
  coro::mutex a_, b_;
};
