// RUN: %check_async_lint %s async-lock-across-suspend %t

// Tricky-correct code: every lock is released before the coroutine
// suspends, on every path; the lock of an asynchronous mutex is awaited.

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "cppcoro/async_mutex.hpp"
#include "cppcoro/task.hpp"
#include "task.h"

demo::task<int> fetch();
demo::task<> sub();
bool ready();
void work();
void keep(std::unique_lock<std::mutex>);

std::mutex M;
std::shared_mutex S;

// The scope ends before the suspension.
demo::task<> scoped() {
  {
    std::lock_guard G(M);
    work();
  }
  co_await sub();
}

// Unlocked, released or moved away first (cppcoreguidelines-no-suspend-with-
// lock warns after unlock()).
demo::task<> released() {
  std::unique_lock L(M);
  work();
  L.unlock();
  co_await sub();
  std::unique_lock R(M);
  R.release()->unlock();
  co_await sub();
  std::unique_lock Moved(M);
  keep(std::move(Moved));
  co_await sub();
}

// Deferred, or tried and failed.
demo::task<> deferred() {
  std::unique_lock<std::mutex> D(M, std::defer_lock);
  co_await sub();
  std::unique_lock<std::mutex> T(M, std::try_to_lock);
  if (!T)
    co_await sub();
  if (!T.owns_lock())
    co_return;
  T.unlock();
  co_await sub();
}

// Locked by hand, unlocked on every path before suspending, also on an
// early return.
demo::task<> manual() {
  M.lock();
  if (ready()) {
    M.unlock();
    co_return;
  }
  M.unlock();
  co_await sub();
  S.lock_shared();
  work();
  S.unlock_shared();
  co_await sub();
}

// A lock taken and released inside a lambda the coroutine calls is the
// lambda's.
demo::task<> lambda_inside() {
  auto Locked = [] { std::lock_guard G(M); work(); };
  Locked();
  co_await sub();
}

// Asynchronous mutexes: their lock is awaited, and a guard that adopts it
// holds no std mutex.
cppcoro::task<> async_mutex(cppcoro::async_mutex &A) {
  co_await A.lock_async();
  std::lock_guard G(A, std::adopt_lock);
  co_await sub();
  auto Held = co_await A.scoped_lock_async();
  co_await sub();
}

// A function that is not a coroutine does not suspend.
void plain() {
  std::lock_guard G(M);
  work();
}

// The guard is handed by reference to an awaiter that moves it away and
// unlocks it in await_suspend (concurrencpp's async_lock does this).
struct handing_awaiter {
  std::unique_lock<std::mutex> Lock;
  explicit handing_awaiter(std::unique_lock<std::mutex> &L)
      : Lock(std::move(L)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {
    auto Unlocked = std::move(Lock);
  }
  void await_resume() const noexcept {}
};
demo::task<> handed_to_awaiter() {
  std::unique_lock<std::mutex> L(M);
  co_await handing_awaiter(L);
}

// A coroutine condition variable's wait is handed the mutex the guard holds:
// its awaiter releases it while the coroutine is suspended and the wait takes
// it back before returning (async_simple's ConditionVariable::wait).
#include "async_simple/ConditionVariable.h"

struct queue {
  async_simple::coro::SpinLock Mutex;
  async_simple::coro::ConditionVariable<async_simple::coro::SpinLock> Cv;
  bool Empty = true;
  async_simple::coro::Lazy<> pop() {
    std::unique_lock Lk(Mutex);
    co_await Cv.wait(Mutex, [&] { return !Empty; });
    Empty = true;
  }
  async_simple::coro::Lazy<> pop_by_hand() {
    Mutex.lock();
    co_await Cv.wait(Mutex, [&] { return !Empty; });
    Mutex.unlock();
  }
};
