// async-circular-wait's locked-task shape on the real cppcoro headers: a
// lazy task that async_scope::spawn starts at once takes the creator's mutex
// and waits, holding it, for an event the creator sets after its own lock.
#include <cppcoro/async_mutex.hpp>
#include <cppcoro/async_scope.hpp>
#include <cppcoro/single_consumer_event.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<> holder(cppcoro::async_mutex &m,
                       cppcoro::single_consumer_event &ready) {
  auto guard = co_await m.scoped_lock_async();
  co_await ready;
}

cppcoro::task<> creator() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  cppcoro::async_scope scope;
  scope.spawn(holder(m, ready));
  auto guard = co_await m.scoped_lock_async();
  ready.set();
  co_await scope.join();
}

// Created, not started, and awaited once the creator's guard is gone:
// silent.
cppcoro::task<> not_started() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  auto task = holder(m, ready);
  {
    auto guard = co_await m.scoped_lock_async();
    ready.set();
  }
  co_await task;
}
