// RUN: %check_async_lint %s async-busy-loop %t

// A loop that runs before the first suspension of a lazy coroutine that
// only a sync-wait in main starts, with no executor bound, runs on main's
// own thread: it keeps no executor's tasks from running (cinatra's
// examples, holdout reduction R2, waiting for other threads to count).
// After a suspension, or with an executor bound, it is reported.

#include <atomic>
#include <chrono>
#include <thread>

#include "async_simple/Executors.h"

using namespace std::chrono_literals;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

async_simple::Executor *pool();
Lazy<> fetch();
std::atomic<int> done;

// R2: main waits for the other threads to finish.
Lazy<> example() {
  while (done != 3)
    std::this_thread::sleep_for(5ms);
  co_await fetch();
}

// A child awaited before the parent first suspends, and a template.
Lazy<int> child() {
  while (done != 3)
    std::this_thread::sleep_for(5ms);
  co_return 1;
}
Lazy<> parent() { co_await child(); }
template <class T> Lazy<T> generic(T v) {
  while (done != 3)
    std::this_thread::sleep_for(5ms);
  co_return v;
}

// Positive twins: after the first suspension, and bound to an executor.
Lazy<> after_fetch() {
  co_await fetch();
  while (done != 3)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never suspends: while it spins, no other task on this executor runs [async-busy-loop]
    std::this_thread::sleep_for(5ms);
}
Lazy<> handler() {
  while (done != 3)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never suspends: while it spins, no other task on this executor runs [async-busy-loop]
    std::this_thread::sleep_for(5ms);
  co_await fetch();
}

int main() {
  syncAwait(example());
  syncAwait(parent());
  syncAwait(generic(1));
  syncAwait(after_fetch());
  syncAwait(handler().via(pool()));
}
