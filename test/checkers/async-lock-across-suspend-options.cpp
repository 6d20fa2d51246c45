// Defaults: the std and Boost guards and mutexes, the shared list of
// asynchronous mutexes.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-lock-across-suspend %t.default
// An in-house guard (LockTypes), an in-house mutex (MutexTypes) and an
// in-house asynchronous mutex (AsyncMutexTypes).
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-lock-across-suspend %t.custom \
// RUN:   --config="{CheckOptions: {async-lock-across-suspend.LockTypes: '::std::lock_guard;::std::unique_lock;corp::guard;corp::tagged_guard', \
// RUN:     async-lock-across-suspend.MutexTypes: 'corp::spinlock', \
// RUN:     async-lock-across-suspend.AsyncMutexTypes: 'corp::async_mutex', \
// RUN:     async-lock-across-suspend.DeferLockTags: 'corp::later_t', \
// RUN:     async-lock-across-suspend.TryLockTags: 'corp::maybe_t'}}"

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
// An in-house guard's tags for "lock later" and "only try" (DeferLockTags,
// TryLockTags).
struct later_t {};
struct maybe_t {};
class tagged_guard {
public:
  explicit tagged_guard(spinlock &) {}
  tagged_guard(spinlock &, later_t) {}
  tagged_guard(spinlock &, maybe_t) {}
  ~tagged_guard() {}
  bool owns_lock() const { return true; }
  explicit operator bool() const { return true; }
};
} // namespace corp

corp::spinlock Spin;
corp::async_mutex Async;
std::mutex M;

demo::task<> in_house() {
  {
    corp::guard G(Spin);
    co_await sub();
    // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'G'
    // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:5: note: the lock is taken here
  }
  Spin.lock();
  co_await sub();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'Spin'
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: the mutex is locked here
  Spin.unlock();
  // The asynchronous mutex's lock was awaited; its guard holds no thread.
  std::lock_guard G(Async, std::adopt_lock);
  co_await sub();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:3: note: the lock is taken here
}

// With the tags listed, the guards they make are not held at the
// suspension (a deferred guard; a tried guard on the path where it failed);
// by default the tags mean nothing and 'tagged_guard' is no guard either.
demo::task<> tagged() {
  corp::tagged_guard Later(Spin, corp::later_t{});
  co_await sub();
  corp::tagged_guard Maybe(Spin, corp::maybe_t{});
  if (!Maybe)
    co_await sub();
}

// std::defer_lock is a default tag, and stays one when the option changes
// only if listed: with the custom value the guard below holds its lock.
demo::task<> std_tag() {
  std::unique_lock<std::mutex> L(M, std::defer_lock);
  co_await sub();
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'L'
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: the lock is taken here
}
