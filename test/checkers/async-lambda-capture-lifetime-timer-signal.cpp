// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda spawned detached that, after its last use of its
// captures, signals an asio timer the spawner then awaits (async_wait,
// through the promise's await_transform) on every path before the captures
// die: the timer is an event (SignalMembers: expires_after, expires_at,
// cancel; WaitMembers: async_wait, wait). The timer may be captured by
// reference, or held by a shared_ptr captured by copy (the same timer).
// Each silent shape has a twin the wait does not cover.

#include "asio.hpp"
#include <chrono>
#include <memory>

struct supervisor {
  asio::awaitable<void> start_all();
  int state = 0;
};
void note(int);

// Silent: the timer is held by a shared_ptr the lambda copies; the wait is
// the first statement of a try block.
asio::awaitable<void> run(asio::io_context &io) {
  supervisor s;
  auto done = std::make_shared<asio::steady_timer>(io);
  asio::co_spawn(
      io,
      [&s, done]() -> asio::awaitable<void> {
        co_await s.start_all();
        note(s.state);
        done->expires_after(std::chrono::seconds(0));
      },
      asio::detached);
  try {
    co_await done->async_wait(asio::use_awaitable);
  } catch (...) {
    throw;
  }
}

// Silent: the timer captured by reference, in a template, through a macro.
#define SPAWN_DETACHED(io, f) asio::co_spawn(io, f, asio::detached)
template <class Timer> asio::awaitable<void> run_t(asio::io_context &io) {
  supervisor s;
  Timer done(io);
  SPAWN_DETACHED(io, [&]() -> asio::awaitable<void> {
    co_await s.start_all();
    done.expires_after(std::chrono::seconds(0));
  });
  co_await done.async_wait(asio::use_awaitable);
}
template asio::awaitable<void> run_t<asio::steady_timer>(asio::io_context &);

// Reported: the lambda reads the supervisor after it signals the timer.
asio::awaitable<void> used_after(asio::io_context &io) {
  supervisor s;
  auto done = std::make_shared<asio::steady_timer>(io);
  asio::co_spawn(
      io,
      [&s, done]() -> asio::awaitable<void> {
        co_await s.start_all();
        done->expires_after(std::chrono::seconds(0));
        note(s.state);
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-6]]:9: warning: local 's' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
  co_await done->async_wait(asio::use_awaitable);
}

// Reported: a return may skip the wait.
asio::awaitable<void> leaves_first(asio::io_context &io, bool stop) {
  supervisor s;
  auto done = std::make_shared<asio::steady_timer>(io);
  asio::co_spawn(
      io,
      [&s, done]() -> asio::awaitable<void> {
        co_await s.start_all();
        done->expires_after(std::chrono::seconds(0));
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-5]]:9: warning: local 's' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
  if (stop)
    co_return;
  co_await done->async_wait(asio::use_awaitable);
}

// Reported: a timer copied into the lambda is another timer.
asio::awaitable<void> other_timer(asio::io_context &io) {
  supervisor s;
  auto done = std::make_shared<asio::steady_timer>(io);
  auto mine = std::make_shared<asio::steady_timer>(io);
  asio::co_spawn(
      io,
      [&s, mine]() -> asio::awaitable<void> {
        co_await s.start_all();
        mine->expires_after(std::chrono::seconds(0));
      },
      asio::detached);
  // CHECK-MESSAGES: :[[@LINE-5]]:9: warning: local 's' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
  co_await done->async_wait(asio::use_awaitable);
}
