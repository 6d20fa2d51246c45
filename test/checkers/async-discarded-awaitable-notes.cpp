// RUN: %check_async_lint %s async-discarded-awaitable %t

// The notes mark where, on the path that drops it, the task is lost.

#include "task.h"

demo::task<int> fetch(int);

demo::task<> paths(bool Flag) {
  auto Sometimes = fetch(1);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: task 'Sometimes' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  // CHECK-NOTES: :[[@LINE+14]]:1: note: 'Sometimes' goes out of scope here without having been awaited
  if (Flag)
    co_await Sometimes;
  auto Overwritten = fetch(2);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: task 'Overwritten' is not awaited on every path
  Overwritten = fetch(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Overwritten' is overwritten here without having been awaited
  co_await Overwritten;
  auto Early = fetch(4);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: task 'Early' is not awaited on every path
  if (Flag)
    co_return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'Early' goes out of scope here without having been awaited
  co_await Early;
}

// Loops: awaited on every iteration, or not.
demo::task<> loops(int N) {
  for (int I = 0; I < N; ++I) {
    auto Each = fetch(I);
    co_await Each;
  }
  for (int I = 0; I < N; ++I) {
    auto Skipped = fetch(I);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: task 'Skipped' is not awaited on every path
    if (I % 2)
      continue;
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'Skipped' goes out of scope here without having been awaited
    co_await Skipped;
  }
}
