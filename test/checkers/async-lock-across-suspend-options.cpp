// Defaults: the std and Boost guards and mutexes, the shared list of
// asynchronous mutexes.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-lock-across-suspend %t.default
// An in-house guard (LockTypes), an in-house mutex (MutexTypes) and an
// in-house asynchronous mutex (AsyncMutexTypes).
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-lock-across-suspend %t.custom \
// RUN:   --config="{CheckOptions: {async-lock-across-suspend.LockTypes: '::std::lock_guard;corp::guard', \
// RUN:     async-lock-across-suspend.MutexTypes: 'corp::spinlock', \
// RUN:     async-lock-across-suspend.AsyncMutexTypes: 'corp::async_mutex'}}"

#include <mutex>

#include "task.h"

demo::task<> sub();

namespace corp {
class spinlock {
public:
  void lock() {}
  void unlock() {}
};
class guard {
public:
  explicit guard(spinlock &) {}
  ~guard() {}
};
class async_mutex {
public:
  void lock() {}
  void unlock() {}
};
} // namespace corp

corp::spinlock Spin;
corp::async_mutex Async;

demo::task<> in_house() {
  {
    corp::guard G(Spin);
    co_await sub();
    // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'G'
    // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:5: note: the lock is taken here
  }
  Spin.lock();
  co_await sub();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'Spin'
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: note: the mutex is locked here
  Spin.unlock();
  // The asynchronous mutex's lock was awaited; its guard holds no thread.
  std::lock_guard G(Async, std::adopt_lock);
  co_await sub();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: note: the lock is taken here
}
