// async-circular-wait's event and mutex tables on the real headers of
// libcoro, cppcoro and async_simple (the real-code trees).
#include <async_simple/coro/Latch.h>
#include <async_simple/coro/Lazy.h>
#include <coro/event.hpp>
#include <coro/latch.hpp>
#include <coro/mutex.hpp>
#include <coro/task.hpp>
#include <coro/when_all.hpp>
#include <cppcoro/async_latch.hpp>
#include <cppcoro/async_manual_reset_event.hpp>
#include <cppcoro/single_consumer_event.hpp>
#include <cppcoro/task.hpp>

coro::task<void> libcoro_event() {
  coro::event done;
  co_await done;
  done.set();
}

coro::task<void> libcoro_latch() {
  coro::latch all{2};
  co_await all;
  all.count_down();
}

cppcoro::task<void> cppcoro_events() {
  cppcoro::single_consumer_event one;
  co_await one;
  one.set();
}

cppcoro::task<void> cppcoro_latch() {
  cppcoro::async_latch all(1);
  co_await all;
  all.count_down();
}

async_simple::coro::Lazy<void> simple_latch() {
  async_simple::coro::Latch all(1);
  co_await all.wait();
  co_await all.count_down();
}

// Set before the wait: silent.
cppcoro::task<void> set_first() {
  cppcoro::async_manual_reset_event ready;
  ready.set();
  co_await ready;
}

coro::mutex a, b;
coro::task<void> forward() {
  auto first = co_await a.scoped_lock();
  auto second = co_await b.scoped_lock();
}
coro::task<void> backward() {
  auto first = co_await b.scoped_lock();
  auto second = co_await a.scoped_lock();
}
coro::task<void> both() { co_await coro::when_all(forward(), backward()); }
