// RUN: %check_async_lint %s async-dangling-reference %t

// A coroutine that spawns tasks borrowing its local libcoro latch, each of
// which counts the latch down after its last use of it (after a loop it
// may break out of), and that awaits the latch after the loop that spawns
// them, waits them out: the latch outlives every use (the shape of
// libcoro's test/bench.cpp servers). Reported when the await can be
// skipped and when a task uses the latch after counting it down; not when a
// task may end (co_return) before counting down, which can only hang.

#include "coro/libcoro.hpp"

coro::task<void> next();
bool ready();

coro::task<void> serve(coro::thread_pool &s, int connections) {
  auto on_connection = [](int id, coro::latch &done) -> coro::task<void> {
    while (true) {
      co_await next();
      if (!ready())
        break;
    }
    done.count_down();
    co_return;
  };
  coro::latch done{connections};
  int accepted = 0;
  while (accepted < connections) {
    co_await next();
    if (ready()) {
      ++accepted;
      s.spawn_detached(on_connection(accepted, done));
    }
  }
  co_await done;
}

// The same in a template and through a macro.
#define SPAWN_ON(s, t) (s).spawn_detached(t)
template <class Scheduler> coro::task<void> serve_t(Scheduler &s) {
  auto on_connection = [](coro::latch &done) -> coro::task<void> {
    co_await next();
    done.count_down();
  };
  coro::latch done{2};
  for (int i = 0; i < 2; ++i)
    SPAWN_ON(s, on_connection(done));
  co_await done;
}
template coro::task<void> serve_t(coro::thread_pool &);

// Reported: a return can skip the await.
coro::task<void> returns_early(coro::thread_pool &s, bool stop) {
  auto on_connection = [](coro::latch &done) -> coro::task<void> {
    co_await next();
    done.count_down();
  };
  coro::latch done{1};
  s.spawn_detached(on_connection(done));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'done' of coroutine lambda refers to local 'done', which the task may outlive [async-dangling-reference]
  if (stop)
    co_return;
  co_await done;
}

// Silent: the task may co_return from its loop without counting down, but
// a task that has ended uses nothing; it can only keep the await from
// completing (a hang, not a dangling reference).
coro::task<void> task_leaves_early(coro::thread_pool &s) {
  auto on_connection = [](coro::latch &done) -> coro::task<void> {
    while (true) {
      co_await next();
      if (!ready())
        co_return;
      if (ready())
        break;
    }
    done.count_down();
  };
  coro::latch done{1};
  s.spawn_detached(on_connection(done));
  co_await done;
}
