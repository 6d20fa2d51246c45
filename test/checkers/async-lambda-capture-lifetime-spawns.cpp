// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-lambda-capture-lifetime %t

// Issue #24 shape 4: a spawn that keeps the task and not the closure
// (TaskKeepingSpawns, libcoro's spawn_detached and spawn_joinable): a
// capturing coroutine lambda called in place as its argument is a temporary
// of the full expression, destroyed while the pool runs its task.

#include <string>
#include <utility>

#include "coro/libcoro.hpp"

void use(const std::string &);
coro::task<void> sub();

void detached(coro::thread_pool &Pool, std::string S) {
  Pool.spawn_detached([S]() -> coro::task<void> {
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is kept here by the spawn, which keeps the task and not the closure
    // CHECK-NOTES: :[[@LINE+4]]:6: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+1]]:9: note: capture 'S' is used here, when the task runs
    use(S);
    co_await sub();
  }());
}

// A joinable handle awaited after the full expression that made it.
coro::task<void> joined_later(coro::thread_pool &Pool, std::string S) {
  auto Done = Pool.spawn_joinable([&S, N = S.size()]() -> coro::task<void> {
    // CHECK-NOTES: :[[@LINE-1]]:35: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    // CHECK-NOTES: :[[@LINE-2]]:15: note: the task is kept here by the spawn, which keeps the task and not the closure
    // CHECK-NOTES: :[[@LINE+4]]:6: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+2]]:11: note: capture 'N' is used here, when the task runs
    co_await sub();
    (void)N;
  }());
  co_await std::move(Done);
}

// A member function, through a pointer to the scheduler.
struct session {
  coro::scheduler *Sched;
  std::string Name;
  void start(std::string Greeting) {
    Sched->spawn_detached([Greeting]() -> coro::task<void> {
      // CHECK-NOTES: :[[@LINE-1]]:27: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
      // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is kept here by the spawn, which keeps the task and not the closure
      // CHECK-NOTES: :[[@LINE+4]]:8: note: the closure is destroyed at the end of this full expression
      // CHECK-NOTES: :[[@LINE+2]]:11: note: capture 'Greeting' is used here, when the task runs
      co_await sub();
      use(Greeting);
    }());
  }
};

// A template, and a macro.
template <class T> void each(coro::thread_pool &Pool, T Value) {
  Pool.spawn_detached([Value]() -> coro::task<void> {
    // CHECK-NOTES: :[[@LINE-1]]:23: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is kept here by the spawn, which keeps the task and not the closure
    // CHECK-NOTES: :[[@LINE+4]]:6: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+2]]:9: note: capture 'Value' is used here, when the task runs
    co_await sub();
    use(Value);
  }());
}
template void each<std::string>(coro::thread_pool &, std::string);

#define IN_POOL(Pool, Body) (Pool).spawn_detached([S]() -> coro::task<void> Body())
void through_macro(coro::thread_pool &Pool, std::string S) {
  IN_POOL(Pool, { co_await sub(); use(S); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
  // CHECK-NOTES: :[[@LINE-4]]:51: note: expanded from macro 'IN_POOL'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is kept here by the spawn, which keeps the task and not the closure
  // CHECK-NOTES: :[[@LINE-6]]:29: note: expanded from macro 'IN_POOL'
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-8]]:83: note: expanded from macro 'IN_POOL'
  // CHECK-NOTES: :[[@LINE-7]]:39: note: capture 'S' is used here, when the task runs
}

// --- Silent twins.

coro::task<void> silent(coro::thread_pool &Pool, std::string S) {
  // Awaited in the full expression that made it: the closure outlives it.
  co_await Pool.spawn_joinable([S]() -> coro::task<void> {
    co_await sub();
    use(S);
  }());
  // Nothing captured, or the captures not used.
  Pool.spawn_detached([]() -> coro::task<void> { co_await sub(); }());
  Pool.spawn_detached([S]() -> coro::task<void> { co_await sub(); }());
  // The arguments are the coroutine's parameters, copied into its frame.
  Pool.spawn_detached([](std::string Copy) -> coro::task<void> {
    co_await sub();
    use(Copy);
  }(S));
  // A run to completion on this thread, not a spawn.
  coro::sync_wait([S]() -> coro::task<void> {
    co_await sub();
    use(S);
  }());
}
