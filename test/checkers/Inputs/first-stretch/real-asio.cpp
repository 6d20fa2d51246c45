// A coroutine lambda spawned with co_spawn, borrowing a local of its owner
// by reference (Boost 1.81's real headers). co_spawn dispatches its start:
// given the owner's own executor (this_coro::executor), the lambda runs up
// to its first suspension inside the co_spawn call, while the local lives.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

namespace asio = boost::asio;
using namespace std::chrono_literals;

asio::awaitable<void> take_turn();

// Silent: the lambda touches 'job' only in the initiation of its first
// await; the owner awaits, cancels the timer and ends.
asio::awaitable<void> first_stretch_only() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  asio::co_spawn(
      ex,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
  job.cancel();
}

// Silent: the executor awaited in the spawn's own argument list, and the
// owner returning at once: the start is over before co_spawn returns.
asio::awaitable<void> returns_at_once() {
  asio::steady_timer job(co_await asio::this_coro::executor, 1s);
  asio::co_spawn(
      co_await asio::this_coro::executor,
      [&]() -> asio::awaitable<void> {
        job.expires_after(2s);
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
}

// Reported: the lambda uses 'job' again after its first suspension, when
// the owner may have ended.
asio::awaitable<void> used_after_resuming() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  asio::co_spawn(
      ex,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
        job.expires_after(1s);
      },
      asio::detached);
  co_await take_turn();
}

// Reported: a strand made here is not the executor the owner runs on; the
// start is queued and may run after the owner ended.
asio::awaitable<void> on_new_strand() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  asio::co_spawn(
      asio::make_strand(ex),
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
}

// Reported: a thread pool's executor; its threads may start the lambda at
// any time.
asio::awaitable<void> on_pool(asio::thread_pool &pool) {
  asio::steady_timer job(pool, 1s);
  asio::co_spawn(
      pool,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
}

// Reported: the executor local is assigned another executor before the
// spawn.
asio::awaitable<void> executor_replaced(asio::io_context &other) {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  ex = other.get_executor();
  asio::co_spawn(
      ex,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
}

// Reported (a limit): the owner spawns on a context it is handed; which
// executor the owner itself runs on is not shown in this function.
asio::awaitable<void> context_of_caller(asio::io_context &ctx) {
  asio::steady_timer job(ctx, 1s);
  asio::co_spawn(
      ctx,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
  job.cancel();
}

// Silent: a template, instantiated; and an owner that is itself a lambda.
template <class Timer> asio::awaitable<void> generic_owner() {
  auto ex = co_await asio::this_coro::executor;
  Timer job(ex, 1s);
  asio::co_spawn(
      ex,
      [&]() -> asio::awaitable<void> {
        co_await job.async_wait(asio::use_awaitable);
      },
      asio::detached);
  co_await take_turn();
}
template asio::awaitable<void> generic_owner<asio::steady_timer>();

void lambda_owner(asio::io_context &ctx) {
  asio::co_spawn(
      ctx,
      []() -> asio::awaitable<void> {
        auto ex = co_await asio::this_coro::executor;
        asio::steady_timer job(ex, 1s);
        asio::co_spawn(
            ex,
            [&]() -> asio::awaitable<void> {
              co_await job.async_wait(asio::use_awaitable);
            },
            asio::detached);
        co_await take_turn();
      },
      asio::detached);
}

// Silent: through a macro that spawns on the owner's executor.
#define SPAWN_HERE(Ex, Fn) asio::co_spawn(Ex, Fn, asio::detached)
asio::awaitable<void> through_macro() {
  const auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  SPAWN_HERE(ex, [&]() -> asio::awaitable<void> {
    co_await job.async_wait(asio::use_awaitable);
  });
  co_await take_turn();
}

// Silent: the owner is a coroutine lambda spawned on 'ctx' here, and it
// spawns on that same context (itself, or its executor): it runs on the
// thread that runs 'ctx', where co_spawn dispatches the start inline.
void spawned_on_same_context(asio::io_context &ctx) {
  asio::co_spawn(
      ctx,
      [&]() -> asio::awaitable<void> {
        asio::steady_timer job(ctx, 1s);
        asio::co_spawn(
            ctx,
            [&]() -> asio::awaitable<void> {
              co_await job.async_wait(asio::use_awaitable);
            },
            asio::detached);
        asio::co_spawn(
            ctx.get_executor(),
            [&]() -> asio::awaitable<void> {
              co_await job.async_wait(asio::use_awaitable);
            },
            asio::detached);
        co_await take_turn();
        job.cancel();
      },
      asio::detached);
  ctx.run();
}

// Reported: the owner runs on 'ctx' and spawns on 'other', which another
// thread may run.
void spawned_on_other_context(asio::io_context &ctx, asio::io_context &other) {
  asio::co_spawn(
      ctx,
      [&]() -> asio::awaitable<void> {
        asio::steady_timer job(ctx, 1s);
        asio::co_spawn(
            other,
            [&]() -> asio::awaitable<void> {
              co_await job.async_wait(asio::use_awaitable);
            },
            asio::detached);
        co_await take_turn();
      },
      asio::detached);
  ctx.run();
}

// Reported: the lambda lends 'job' to a coroutine before its first
// suspension, and that coroutine uses it after suspending.
asio::awaitable<void> wait_twice(asio::steady_timer &t) {
  co_await t.async_wait(asio::use_awaitable);
  t.expires_after(1s);
  co_await t.async_wait(asio::use_awaitable);
}
asio::awaitable<void> lent_to_coroutine() {
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer job(ex, 1s);
  asio::co_spawn(
      ex, [&]() -> asio::awaitable<void> { co_await wait_twice(job); },
      asio::detached);
  co_await take_turn();
}
