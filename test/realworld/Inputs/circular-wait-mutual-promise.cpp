// async-circular-wait's mutual event waits, promise/future waits and scope
// joins on the real headers of libcoro, cppcoro and async_simple (the
// real-code trees).
#include <async_simple/Promise.h>
#include <async_simple/coro/FutureAwaiter.h>
#include <async_simple/coro/Lazy.h>
#include <coro/event.hpp>
#include <coro/task_group.hpp>
#include <coro/thread_pool.hpp>
#include <cppcoro/async_scope.hpp>
#include <coro/task.hpp>
#include <coro/when_all.hpp>
#include <cppcoro/async_manual_reset_event.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <utility>

coro::task<void> ping(coro::event &mine, coro::event &theirs) {
  co_await mine;
  theirs.set();
}
coro::task<void> pong(coro::event &theirs, coro::event &mine) {
  co_await mine;
  theirs.set();
}
coro::task<void> play() {
  coro::event a, b;
  co_await coro::when_all(ping(a, b), pong(a, b));
}

cppcoro::task<void> relay(cppcoro::async_manual_reset_event &in,
                          cppcoro::async_manual_reset_event &out) {
  co_await in;
  out.set();
}
cppcoro::task<void> relay_both() {
  cppcoro::async_manual_reset_event x, y;
  co_await cppcoro::when_all(relay(x, y), relay(y, x));
}

async_simple::coro::Lazy<int> answer_later() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  int value = co_await std::move(future);
  promise.setValue(42);
  co_return value;
}

// Tasks joining the scope they were started in.
cppcoro::task<void> worker(cppcoro::async_scope &scope) {
  co_await scope.join();
}
cppcoro::task<void> serve() {
  cppcoro::async_scope scope;
  scope.spawn(worker(scope));
  co_await scope.join();
}
coro::task<void> grouped(coro::task_group<coro::thread_pool> &group) {
  co_await group;
}
void run_group(coro::thread_pool &pool) {
  coro::task_group<coro::thread_pool> group(&pool);
  (void)group.start(grouped(group));
}

// Set before the waits: silent.
cppcoro::task<void> relay_set_first(cppcoro::async_manual_reset_event &in,
                                    cppcoro::async_manual_reset_event &out) {
  out.set();
  co_await in;
}
cppcoro::task<void> relay_one_first() {
  cppcoro::async_manual_reset_event x, y;
  co_await cppcoro::when_all(relay_set_first(x, y), relay_set_first(y, x));
}
async_simple::coro::Lazy<int> answer_first() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  promise.setValue(42);
  co_return co_await std::move(future);
}
