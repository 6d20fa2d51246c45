// Defaults: every coroutine is judged; corp::Event is not a known event.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-circular-wait %t.default
// A coroutine listed in IgnoredFunctions is not judged; an in-house event
// type, its signal member and an in-house start function can be listed.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-circular-wait %t.custom \
// RUN:   --config="{CheckOptions: {async-circular-wait.IgnoredFunctions: 'legacy::reported', async-circular-wait.EventTypes: 'corp::Event', async-circular-wait.EventSignalMembers: 'corp::Event::fire', async-circular-wait.StartFunctions: 'corp::go'}}"

#include "coro/libcoro.hpp"

namespace corp {
struct Event {
  coro::event::awaiter operator co_await() const noexcept { return {}; }
  void fire();
};
void go(coro::task<> &&);
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
