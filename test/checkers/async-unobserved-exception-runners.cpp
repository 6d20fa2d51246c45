// RUN: %check_async_lint %s async-unobserved-exception %t

// In-house spawns with no error channel: a function whose visible body runs
// the task it is handed in a coroutine nothing awaits and whose promise
// drops the exception. Reported at each call that hands it a task which can
// throw; silent where the spawn's body is not visible, where the runner
// catches everything, or where the spawn chooses between runners.

#include <stdexcept>
#include <utility>

#include "task.h"

void log(const char *);
bool failed();

// A fire-and-forget type whose promise drops the exception.
struct detached {
  struct promise_type {
    detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

demo::task<> worker() {
  if (failed())
    throw std::runtime_error("worker");
  co_return;
}
demo::task<> careful() {
  try {
    if (failed())
      throw std::runtime_error("careful");
  } catch (...) {
    log("careful failed");
  }
  co_return;
}
demo::task<> remote();

namespace detail {
detached run(demo::task<> T) { co_await std::move(T); }
// CHECK-NOTES: :[[@LINE-1]]:10: warning: exceptions thrown in coroutine 'run' are lost: nothing awaits it and its promise discards them
// CHECK-NOTES: :[[@LINE-2]]:32: note: the task awaited here rethrows whatever the task handed in throws
// CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
detached run_logged(demo::task<> T) {
  try {
    co_await std::move(T);
  } catch (...) {
    log("task failed");
  }
}
} // namespace detail

struct executor {};

// Spawns whose bodies the check sees.
void spawn(executor &, demo::task<> T) { detail::run(std::move(T)); }
template <class Task> void spawn_any(executor &, Task &&T) {
  spawn(*new executor, std::forward<Task>(T));
}
void spawn_logged(executor &, demo::task<> T) { detail::run_logged(std::move(T)); }
void spawn_either(executor &, demo::task<> T, bool Log) {
  if (Log)
    detail::run_logged(std::move(T));
  else
    detail::run(std::move(T));
}
void spawn_unseen(executor &, demo::task<> T);

#define SPAWN(EX, TASK) spawn(EX, TASK)

void uses(executor &Ex) {
  spawn(Ex, worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'spawn' runs it in a coroutine whose promise discards them [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :61:42: note: the task is handed to coroutine 'run' here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
  auto Kept = worker();
  spawn(Ex, std::move(Kept));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'spawn' runs it
  // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :61:42: note: the task is handed to coroutine 'run' here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
  spawn_any(Ex, worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'spawn_any' runs it in a coroutine whose promise discards them
  // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :61:42: note: the task is handed to coroutine 'run' here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
  detail::run(worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'detail::run' awaits it, and its promise discards them
  // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
  SPAWN(Ex, worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'spawn' runs it
  // CHECK-NOTES: :74:25: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :74:25: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :61:42: note: the task is handed to coroutine 'run' here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
  spawn(Ex, []() -> demo::task<> {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine lambda are lost: 'spawn' runs it
    // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine lambda
    // CHECK-NOTES: :[[@LINE+3]]:5: note: an exception is thrown here
    // CHECK-NOTES: :61:42: note: the task is handed to coroutine 'run' here
    // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
    throw std::runtime_error("lambda");
    co_return;
  }());

  // Silent: the task catches everything; a task the check cannot see; a
  // runner that catches; a spawn that may log; a spawn it cannot see.
  spawn(Ex, careful());
  spawn(Ex, remote());
  spawn_logged(Ex, worker());
  spawn_either(Ex, worker(), true);
  spawn_unseen(Ex, worker());
}

// A runner written as a coroutine lambda inside the spawn.
void spawn_inline(executor &, demo::task<> T) {
  [](demo::task<> U) -> detached { co_await std::move(U); }(std::move(T));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown in coroutine lambda are lost: nothing awaits it and its promise discards them
  // CHECK-NOTES: :[[@LINE-2]]:36: note: the task awaited here rethrows whatever the task handed in throws
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
}
void inline_uses(executor &Ex) {
  spawn_inline(Ex, worker());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'worker' are lost: 'spawn_inline' runs it in a coroutine whose promise discards them
  // CHECK-NOTES: :[[@LINE-2]]:3: note: catch the exceptions inside coroutine 'worker'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  // CHECK-NOTES: :130:3: note: the task is handed to coroutine lambda here
  // CHECK-NOTES: :24:10: note: 'unhandled_exception' drops the exception
}
