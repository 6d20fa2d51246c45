// RUN: %check_async_lint %s async-unobserved-exception %t

// Failures dropped where the work crosses into a library: a callback that
// never looks at the Try it receives, a handler stored in a variable or
// written as a generic lambda, a spawn with no error channel, and a
// self-deleting task whose promise drops the exception.

#include <exception>
#include <stdexcept>
#include <utility>

#include "asio.hpp"
#include "async_simple/Lazy.h"
#include "coro/libcoro.hpp"

void log(const char *);
bool failed();

// --- async_simple: start(callback) with a callback that ignores the Try.

async_simple::coro::Lazy<int> compute() {
  if (failed())
    throw std::runtime_error("bad input");
  co_return 1;
}
async_simple::coro::Lazy<int> quiet_compute() { co_return 1; }
async_simple::coro::Lazy<int> remote();

void starts(async_simple::Executor *Ex) {
  compute().start([](async_simple::Try<int> Result) { log("done"); });
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: exceptions thrown by coroutine 'compute' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :23:5: note: an exception is thrown here
  compute().via(Ex).start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: exceptions thrown by coroutine 'compute' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::RescheduleLazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :23:5: note: an exception is thrown here
  auto Lazy = compute();
  std::move(Lazy).start([](auto) {});
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: exceptions thrown by coroutine 'compute' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :23:5: note: an exception is thrown here

  // Silent: the callback looks at the error; the coroutine throws nothing;
  // an unseen coroutine (the Try also carries the value it may not want).
  compute().start([](async_simple::Try<int> Result) {
    if (Result.hasError())
      log("failed");
  });
  compute().start([](auto &&Result) { Result.value(); });
  quiet_compute().start([](auto &&) {});
  remote().start([](async_simple::Try<int>) {});
}

// --- A handler stored in a variable, or generic.

asio::awaitable<void> serve() {
  co_await asio::this_coro::executor;
  throw std::runtime_error("serve");
}
void handlers(asio::io_context &Ctx) {
  auto OnDone = [](std::exception_ptr) { log("done"); };
  asio::co_spawn(Ctx, serve(), OnDone);
  // CHECK-NOTES: :[[@LINE-2]]:20: warning: exceptions thrown by coroutine 'serve' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'asio::co_spawn' here; log the failure or rethrow it
  // CHECK-NOTES: :59:3: note: an exception is thrown here
  auto Rethrows = [](std::exception_ptr E) {
    if (E)
      std::rethrow_exception(E);
  };
  asio::co_spawn(Ctx, serve(), Rethrows);
  // A handler that never returns stops the run at the failure.
  asio::co_spawn(Ctx, serve(), [](std::exception_ptr) { std::terminate(); });
  auto Stops = [](std::exception_ptr) {
    log("fatal");
    throw std::logic_error("serve failed");
  };
  asio::co_spawn(Ctx, serve(), Stops);
}

// --- libcoro: spawns that give the task no error channel.

coro::task<void> worker() {
  if (failed())
    throw std::runtime_error("worker");
  co_return;
}
coro::task<void> careful() {
  try {
    if (failed())
      throw std::runtime_error("careful");
  } catch (...) {
    log("failed");
  }
  co_return;
}
template <class Pool> void launch_generic(Pool &P) { P.spawn_detached(worker()); }
// CHECK-NOTES: :[[@LINE-1]]:54: warning: exceptions thrown by coroutine 'worker' are lost: 'coro::thread_pool::spawn_detached'
// CHECK-NOTES: :[[@LINE-2]]:54: note: 'coro::thread_pool::spawn_detached' gives the task no error channel; catch the exceptions inside the coroutine
// CHECK-NOTES: :85:5: note: an exception is thrown here
#define SPAWN(POOL, TASK) (POOL).spawn_detached(TASK)

void spawns(coro::thread_pool &Pool, coro::scheduler &Sched) {
  Pool.spawn_detached(worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'coro::thread_pool::spawn_detached' drops them [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'coro::thread_pool::spawn_detached' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES: :85:5: note: an exception is thrown here
  coro::task_group<coro::thread_pool> Group(&Pool);
  (void)Group.start(worker());
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: exceptions thrown by coroutine 'worker' are lost: 'coro::task_group::start' drops them
  // CHECK-NOTES: :[[@LINE-2]]:9: note: 'coro::task_group::start' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES: :85:5: note: an exception is thrown here
  SPAWN(Sched, worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'coro::scheduler::spawn_detached'
  // CHECK-NOTES: :101:27: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'coro::scheduler::spawn_detached' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES: :101:27: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :85:5: note: an exception is thrown here
  launch_generic(Pool);
  Pool.spawn_detached([]() -> coro::task<void> { throw std::runtime_error("lambda"); co_return; }());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine lambda are lost: 'coro::thread_pool::spawn_detached'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'coro::thread_pool::spawn_detached' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES: :[[@LINE-3]]:50: note: an exception is thrown here

  // Silent: the task catches everything; a joinable spawn is awaited.
  Pool.spawn_detached(careful());
  auto Joined = Pool.spawn_joinable(worker());
  (void)Joined;
}

// --- A promise that drops the exception, of a task nobody awaits: libcoro's
// self-deleting task runs whatever task it is handed.

namespace coro::detail {
void promise_self_deleting::unhandled_exception() {
  // The user cannot access the promise anyway, ignore the exception.
}
task_self_deleting make_task_self_deleting(coro::task<void> user_task) {
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: exceptions thrown in coroutine 'make_task_self_deleting' are lost: nothing awaits it and its promise discards them
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task awaited here rethrows whatever the task handed in throws
  // CHECK-NOTES: :[[@LINE-6]]:29: note: 'unhandled_exception' drops the exception
  co_await user_task;
}
} // namespace coro::detail

// The promise's unhandled_exception is inherited.
struct dropping_base {
  void unhandled_exception() {}
};
struct detached_job {
  struct promise_type : dropping_base {
    detached_job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
  };
};
detached_job fire() {
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: exceptions thrown in coroutine 'fire' are lost: nothing awaits it and its promise discards them
  // CHECK-NOTES: :[[@LINE+2]]:3: note: an exception is thrown here
  // CHECK-NOTES: :[[@LINE-13]]:8: note: 'unhandled_exception' drops the exception
  throw std::runtime_error("fire");
  co_return;
}

// Silent: a promise that hands the exception to a member it cannot see
// (which may store it); a wrapper whose own promise keeps it.
struct state {
  void set_exception();
};
struct stored_job {
  struct promise_type {
    state *State;
    stored_job get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { State->set_exception(); }
  };
};
stored_job kept() {
  throw std::runtime_error("kept");
  co_return;
}
coro::task<void> wraps(coro::task<void> Inner) { co_await Inner; }

// --- An optional's value() throws only when it holds none: not under a
// test that it holds one.
namespace std {
template <class T> class optional {
public:
  bool has_value() const noexcept;
  explicit operator bool() const noexcept;
  T &value();
};
} // namespace std
coro::task<void> reads_checked(std::optional<int> Limit) {
  if (Limit.has_value())
    (void)Limit.value();
  if (Limit)
    (void)Limit.value();
  co_return;
}
coro::task<void> reads_unchecked(std::optional<int> Limit) {
  if (!Limit.has_value())
    (void)Limit.value();
  co_return;
}
void optionals(coro::thread_pool &Pool) {
  Pool.spawn_detached(reads_checked({}));
  Pool.spawn_detached(reads_unchecked({}));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'reads_unchecked' are lost: 'coro::thread_pool::spawn_detached' drops them
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'coro::thread_pool::spawn_detached' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES: :[[@LINE-8]]:11: note: 'std::optional::value' may throw here
}
