// Mock async_simple coroutine condition variable: wait(lock, pred) hands the
// lock to an awaiter whose await_suspend releases it (adopting it in a
// guard), and takes it back with an awaited lock before returning.
#pragma once
#include "Lazy.h"
#include <mutex>
namespace async_simple {
namespace coro {
template <class Lock> struct LockAwaiter {
  Lock &L;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};
// A spin lock with a synchronous lock() and an awaited coLock().
class SpinLock {
public:
  void lock() {}
  void unlock() {}
  LockAwaiter<SpinLock> coLock() { return {*this}; }
};
template <class Lock> class CondAwaiter {
public:
  CondAwaiter(Lock &L) : L(L) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {
    std::unique_lock<Lock> Held{L, std::adopt_lock};
  }
  void await_resume() const noexcept {}

private:
  Lock &L;
};
template <class Lock> class ConditionVariable {
public:
  template <class Pred> Lazy<> wait(Lock &L, Pred &&P) {
    while (!P()) {
      co_await CondAwaiter<Lock>{L};
      co_await L.coLock();
    }
  }
  void notifyOne() noexcept {}
};
} // namespace coro
} // namespace async_simple
