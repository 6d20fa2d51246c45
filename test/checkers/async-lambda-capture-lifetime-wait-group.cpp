// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose task signals a local it captures by reference
// (a wait group's done(), a latch's count_down()) unconditionally and after
// every use of its captures, started by a function that then awaits (or
// blocks on) that object on every path before the captures die: the
// function waits the task out (WaitMembers, SignalMembers; WaitedOut.h).
// Each silent shape has a twin the wait does not cover.

#include "coro/wait_group.hpp"

coro::task<void> step();
bool ready();
namespace coro {
// Keeps the function object in the task it returns (KeepAliveFunctions).
template <class F> task<void> invoke(F f) { co_await f(); }
} // namespace coro

// --- Silent: a wait group, counted down last, awaited by the spawner.

coro::task<void> closure_local(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    wg.done();
  };
  wg.add(1);
  s.spawn_detached(w());
  co_await wg.wait();
}

// Workers started in a loop, each breaking out of its own loop before the
// signal, and the group awaited directly.
coro::task<void> workers_in_loop(coro::thread_pool &s) {
  coro::wait_group wg;
  int total = 0;
  auto w = [&](int i) -> coro::task<void> {
    while (true) {
      co_await step();
      total += i;
      if (ready())
        break;
    }
    wg.done();
    co_return;
  };
  wg.add(3);
  for (int i = 0; i < 3; ++i)
    s.spawn_detached(w(i));
  co_await wg;
}

// The closure is kept in the task (coro::invoke): what dies is a local the
// lambda captures by reference, in the block of a loop that awaits the
// group before the block ends.
coro::task<void> captured_local(coro::thread_pool &s) {
  coro::wait_group wg;
  for (int round = 0; round < 2; ++round) {
    int out = 0;
    wg.add(1);
    s.spawn_detached(coro::invoke([&]() -> coro::task<void> {
      co_await step();
      out = round;
      wg.done();
    }));
    co_await wg.wait();
  }
}

// An awaited latch, counted down last.
coro::task<void> awaited_latch(coro::thread_pool &s) {
  coro::latch done{1};
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    done.count_down();
  };
  s.spawn_detached(w());
  co_await done;
}

// In a template, through a macro.
#define SPAWN_ON(s, t) (s).spawn_detached(t)
template <class Pool> coro::task<void> in_template(Pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    wg.done();
  };
  wg.add(1);
  SPAWN_ON(s, w());
  co_await wg.wait();
}
template coro::task<void> in_template(coro::thread_pool &);

// --- Reported: twins.

// The signal comes before a later use of a capture.
coro::task<void> signal_before_use(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    wg.done();
    co_await step();
    out = 1;
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await wg.wait();
}

// A lambda made after the signal captures the captures again (implicitly).
template <class F> void later(F f) { f(); }
coro::task<void> lambda_after_signal(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    wg.done();
    later([&] { out = 1; });
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await wg.wait();
}

// The signal is conditional: the task may end without it, or use the
// captures after the branch.
coro::task<void> signal_in_branch(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    if (ready())
      wg.done();
    out = 1;
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await wg.wait();
}

// The wait is on only some paths: a return skips it.
coro::task<void> wait_on_some_paths(coro::thread_pool &s, bool stop) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    wg.done();
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (stop)
    co_return;
  co_await wg.wait();
}

// No wait.
coro::task<void> no_wait(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    wg.done();
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await step();
}

// The wait is on a different group than the one the task signals.
coro::task<void> other_object(coro::thread_pool &s) {
  coro::wait_group wg, other;
  int out = 0;
  auto w = [&]() -> coro::task<void> {
    co_await step();
    out = 1;
    wg.done();
  };
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await other.wait();
}

// The wait comes after the captured local has died (its block ended).
coro::task<void> wait_after_death(coro::thread_pool &s) {
  coro::wait_group wg;
  {
    int out = 0;
    s.spawn_detached(coro::invoke([&]() -> coro::task<void> {
      co_await step();
      out = 1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: local 'out' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      wg.done();
    }));
  }
  co_await wg.wait();
}

// A temporary closure dies at the end of the full expression that starts
// the task: the wait keeps the captured locals, not the closure the task
// reads them through.
coro::task<void> temporary_closure(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  wg.add(1);
  s.spawn_detached([&]() -> coro::task<void> {
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    co_await step();
    out = 1;
    wg.done();
  }());
  co_await wg.wait();
}

// A macro lambda whose signal comes before a later use.
#define LATE_WORKER(wg, out)                                                   \
  [&]() -> coro::task<void> {                                                  \
    co_await step();                                                           \
    wg.done();                                                                 \
    co_await step();                                                           \
    out = 1;                                                                   \
  }
coro::task<void> macro_twin(coro::thread_pool &s) {
  coro::wait_group wg;
  int out = 0;
  auto w = LATE_WORKER(wg, out);
  wg.add(1);
  s.spawn_detached(w());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: closure 'w' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  co_await wg.wait();
}
