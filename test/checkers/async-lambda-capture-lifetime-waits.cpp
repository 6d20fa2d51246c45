// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// Lifetimes the function waits out: after it starts a coroutine lambda's
// task, the function waits for something that the task (or a task that
// needs it) completes, or destroys a joining executor that runs it, before
// the closure and the captured locals die. Each silent shape has a twin
// where the wait does not cover the task, which must still be reported.

#include <atomic>
#include <future>
#include <latch>
#include <thread>
#include <utility>

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;
using async_simple::executors::SimpleExecutor;

Lazy<> step();

// --- A counter the tasks count down and the function spins on.

void spin_on_counter(Executor *Ex) {
  std::atomic<int> Count = 2;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Count--;
  };
  Writer().via(Ex).detach();
  Writer().via(Ex).detach();
  while (Count) {
  }
}

void spin_with_yield(Executor *Ex) {
  std::atomic<int> Done = 0;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done.fetch_add(1);
  };
  Writer().via(Ex).detach();
  while (Done < 1)
    std::this_thread::yield();
}

// The function spins on a counter that the task does not touch.
void spin_on_unrelated_counter(Executor *Ex) {
  std::atomic<int> Count = 1;
  std::atomic<int> Other = 1;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Count--;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (Other) {
  }
}

// A path leaves the function before the wait.
void returns_before_the_wait(Executor *Ex, bool Early) {
  std::atomic<int> Count = 1;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Count--;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (Early)
    return;
  while (Count) {
  }
}

// The task counts down first and uses its captures after: the wait ends
// while the task still runs.
void signals_before_its_last_use(Executor *Ex) {
  std::atomic<int> Count = 1;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    Count--;
    co_await step();
    ++Value;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (Count) {
  }
}

// --- A latch the task counts down and the function waits on.

void waits_on_latch(Executor *Ex) {
  std::latch Finished(1);
  int Value = 0;
  auto Task = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Finished.count_down();
  };
  Task().via(Ex).detach();
  Finished.wait();
}

void waits_on_unrelated_latch(Executor *Ex, std::latch &Elsewhere) {
  std::latch Started(1);
  int Value = 0;
  auto Task = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
  };
  Task().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Started.wait();
}

// --- A future whose promise the task's completion callback fulfils.

void waits_on_future(int Seed) {
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  {
    std::promise<void> P;
    std::future<void> F = P.get_future();
    auto Started = Task();
    Started.start([P = std::move(P)](auto &&) mutable { P.set_value(); });
    F.wait();
  }
}

void waits_on_other_future(int Seed, std::future<void> &Elsewhere) {
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  std::promise<void> P;
  std::future<void> F = P.get_future();
  Task().start([](auto &&) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  F.wait();
}

// --- A counter that other tasks count down, tasks that cannot finish before
// this one has fed them what they await.

struct Queue {
  void push(int);
  Lazy<> pop(int &Into);
};

void producer_and_consumers(Executor *Ex) {
  Queue Q;
  std::atomic<int> Left(2);
  auto Producer = [&]() -> Lazy<> {
    for (int I = 0; I < 2; ++I)
      Q.push(I);
    co_return;
  };
  auto Consumer = [&]() -> Lazy<> {
    int I = 0;
    co_await Q.pop(I);
  };
  for (int I = 0; I < 2; ++I)
    Consumer().via(Ex).start([&](auto &&) { Left--; });
  Producer().via(Ex).detach();
  while (Left.load())
    ;
}

// A consumer that awaits the producer's output, blocked on at once.
void producer_and_blocking_consumer(Executor *Ex) {
  Queue Q;
  auto Producer = [&]() -> Lazy<> {
    co_await step();
    Q.push(1);
  };
  auto Consumer = [&]() -> Lazy<> {
    int I = 0;
    co_await Q.pop(I);
  };
  Producer().via(Ex).detach();
  async_simple::coro::syncAwait(Consumer());
}

// The other tasks do not await anything this one feeds.
void unrelated_consumers(Executor *Ex) {
  Queue Q;
  std::atomic<int> Left(1);
  auto Producer = [&]() -> Lazy<> {
    co_await step();
    Q.push(1);
  };
  auto Other = [&]() -> Lazy<> { co_await step(); };
  Other().via(Ex).start([&](auto &&) { Left--; });
  Producer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Producer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (Left.load())
    ;
}

// --- A joining executor declared after the closure: destroyed first, it
// waits for the work it runs.

void executor_declared_after(int Seed) {
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  SimpleExecutor Pool(2);
  Task().via(&Pool).detach();
  SimpleExecutor *Other = &Pool;
  Task().via(Other).detach();
}

// Declared before the closure, the executor outlives it.
void executor_declared_before(int Seed) {
  SimpleExecutor Pool(2);
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  Task().via(&Pool).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
}

// The task runs elsewhere: the local executor's join does not wait for it.
void executor_not_running_it(Executor *Ex, int Seed) {
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  SimpleExecutor Pool(2);
  Task().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
}

// --- Captured locals: the same waits keep them alive.

void captured_local_waited(Executor *Ex) {
  std::latch Finished(1);
  int Value = 0;
  auto Task = [&Value, &Finished]() -> Lazy<void> {
    co_await step();
    ++Value;
    Finished.count_down();
  };
  Task().via(Ex).detach();
  Finished.wait();
}

// --- Templates, macros and lambdas.

template <class T> void generic_spin(Executor *Ex, T Seed) {
  std::atomic<int> Count = 1;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    (void)Seed;
    Count--;
  };
  Writer().via(Ex).detach();
  while (Count) {
  }
}
template void generic_spin<int>(Executor *, int);
template void generic_spin<long>(Executor *, long);

template <class T> void generic_unrelated(Executor *Ex, T Seed) {
  std::atomic<int> Count = 1;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    (void)Seed;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  while (Count) {
  }
}
template void generic_unrelated<int>(Executor *, int);

#define WAIT_UNTIL_ZERO(C)                                                     \
  while (C.load() != 0)                                                        \
  std::this_thread::yield()
#define START(T, EX) T().via(EX).detach()

void by_macro(Executor *Ex) {
  std::atomic<int> Count = 1;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Count.fetch_sub(1);
  };
  START(Writer, Ex);
  WAIT_UNTIL_ZERO(Count);
}

void by_macro_unrelated(Executor *Ex) {
  std::atomic<int> Count = 1;
  std::atomic<int> Other = 1;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Count.fetch_sub(1);
  };
  START(Writer, Ex);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  WAIT_UNTIL_ZERO(Other);
}

void in_a_lambda(Executor *Ex) {
  auto Body = [Ex] {
    std::atomic<int> Count = 1;
    int Value = 0;
    auto Writer = [&]() -> Lazy<void> {
      co_await step();
      ++Value;
      Count--;
    };
    Writer().via(Ex).detach();
    while (Count) {
    }
  };
  Body();
  auto Unwaited = [Ex] {
    int Value = 0;
    auto Writer = [&]() -> Lazy<void> {
      co_await step();
      ++Value;
    };
    Writer().via(Ex).detach();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  };
  Unwaited();
}

// --- Another library: a by-reference capture into a coroutine lambda that
// asio keeps alive; the function waits on a latch the task counts down.

#include "asio.hpp"
asio::awaitable<void> op();

void asio_latch(asio::io_context &Ctx) {
  std::latch Done(1);
  int Count = 0;
  asio::co_spawn(Ctx, [&]() -> asio::awaitable<void> {
    co_await op();
    ++Count;
    Done.count_down();
  }, asio::detached);
  Done.wait();
}

void asio_unrelated_latch(asio::io_context &Ctx) {
  std::latch Done(1);
  int Count = 0;
  asio::co_spawn(Ctx, [&]() -> asio::awaitable<void> {
    // CHECK-MESSAGES: :[[@LINE+2]]:7: warning: local 'Count' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
    co_await op();
    ++Count;
  }, asio::detached);
  Done.wait();
}
