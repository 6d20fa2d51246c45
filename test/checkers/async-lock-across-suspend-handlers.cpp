// RUN: %check_async_lint %s async-lock-across-suspend %t

// A handler of a try block that may suspend is entered after that
// suspension: a lock it takes is held at the suspension points after the
// try statement. The unwinding into the handler destroys the try block's
// guards.

#include <mutex>

#include "task.h"

demo::task<> sub();
void work();
bool ready();

std::mutex M;

demo::task<> locked_in_handler() {
  std::unique_lock<std::mutex> Lock(M, std::defer_lock);
  try {
    co_await sub();
  } catch (...) {
    Lock.lock();
  }
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task
  // CHECK-NOTES: :[[@LINE-5]]:5: note: the lock is taken here
}

template <class Mutex> demo::task<> locked_in_template_handler(Mutex &Mu) {
  std::unique_lock<Mutex> Lock(Mu, std::defer_lock);
  try {
    co_await sub();
  } catch (...) {
    Lock.lock();
  }
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task
  // CHECK-NOTES: :[[@LINE-5]]:5: note: the lock is taken here
}
template demo::task<> locked_in_template_handler(std::mutex &);

// Silent: the handler unlocks again; the guard of the try block is
// destroyed by the unwinding before the handler runs.
demo::task<> unlocked_in_handler() {
  std::unique_lock<std::mutex> Lock(M, std::defer_lock);
  try {
    co_await sub();
  } catch (...) {
    Lock.lock();
    work();
    Lock.unlock();
  }
  co_await sub();
}

demo::task<> guard_in_try_block() {
  try {
    co_await sub();
    std::lock_guard<std::mutex> Guard(M);
    if (ready())
      work();
  } catch (...) {
    work();
  }
  co_await sub();
}
