// RUN: %check_async_lint %s async-lock-across-suspend %t

// The check asks the held-at-suspension flow (and so builds the CFG) only
// for a coroutine whose events leave a lock possibly held at a suspension
// (model::mayHoldLockAtSuspension). The cases just outside what that
// pre-filter clears are still found; the ones it clears stay silent.

#include <mutex>
#include <utility>

#include "task.h"

demo::task<> sub();
void work();

std::mutex M;

// Cleared: each guard's scope ends before the next suspension.
demo::task<> scoped_before_suspending() {
  {
    std::lock_guard<std::mutex> G(M);
    work();
  }
  co_await sub();
  for (int I = 0; I < 3; ++I) {
    std::lock_guard<std::mutex> H(M);
    work();
  }
  co_await sub();
}

// A guard declared in an if's initialiser, not directly in a block.
demo::task<> guard_in_if_initialiser(bool B) {
  if (std::unique_lock<std::mutex> L(M); B)
    co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'L'
  // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the lock is taken here
}

// The suspension is nested deeper in the rest of the guard's block.
demo::task<> suspension_nested_later(int N) {
  {
    std::lock_guard<std::mutex> G(M);
    work();
    for (int I = 0; I < N; ++I) {
      if (I == 2)
        co_await sub();
      // CHECK-NOTES: :[[@LINE-1]]:9: warning: coroutine suspends while holding lock 'G'
      // CHECK-NOTES: :[[@LINE-2]]:9: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
      // CHECK-NOTES: :[[@LINE-7]]:5: note: the lock is taken here
    }
  }
  co_await sub();
}

// A static guard is never destroyed at the end of its block.
demo::task<> static_guard() {
  {
    static std::lock_guard<std::mutex> G(M);
    work();
  }
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-6]]:5: note: the lock is taken here
}

// Every guard scoped, but a mutex locked by hand.
demo::task<> scoped_guard_and_manual_lock() {
  {
    std::lock_guard<std::mutex> G(M);
    work();
  }
  M.lock();
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'M'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the mutex is locked here
  M.unlock();
}

// A deferred guard locked later by hand, in a scope without a suspension
// after its declaration but with one after its lock() call.
demo::task<> deferred_guard_locked_later() {
  std::unique_lock<std::mutex> L(M, std::defer_lock);
  {
    std::lock_guard<std::mutex> G(M);
    work();
  }
  L.lock();
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'L'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}
