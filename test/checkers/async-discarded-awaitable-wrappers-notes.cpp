// RUN: %check_async_lint %s async-discarded-awaitable %t

// The notes of a conversion that drops each call's task: what each call
// returns, at the callable's return type (or the lambda, or the function,
// when none is written), and the fix. "Never runs" is said of a lazy task
// only.

#include "concurrencpp/concurrencpp.h"
#include "task.h"
#include <functional>

demo::task<int> fetch(int);
void on_event(std::function<void()> Callback);

void lazy(int &Count) {
  on_event([&Count]() -> demo::task<> {
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
    // CHECK-NOTES: :[[@LINE-2]]:26: note: each call returns 'demo::task<>', a lazy task, which runs only when awaited
    // CHECK-NOTES: :[[@LINE-3]]:12: note: make the wrapper return 'demo::task<>' and await what each call returns
    co_await fetch(Count);
    ++Count;
  });
}

void eager() {
  on_event([]() -> concurrencpp::result<int> { co_return 1; });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and runs detached [async-discarded-awaitable]
  // CHECK-NOTES: :[[@LINE-2]]:20: note: each call returns 'concurrencpp::result<int>', an eager task: dropped, its result and failure are lost
  // CHECK-NOTES: :[[@LINE-3]]:12: note: make the wrapper return 'concurrencpp::result<int>' and await what each call returns
}

void deduced() {
  on_event([] { return fetch(1); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: task returned by the lambda is discarded by each call of 'std::function<void ()>' and never runs [async-discarded-awaitable]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: each call returns 'demo::task<int>', a lazy task, which runs only when awaited
  // CHECK-NOTES: :[[@LINE-3]]:12: note: make the wrapper return 'demo::task<int>' and await what each call returns
  std::function<void(int)> Named = fetch;
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: task returned by 'fetch' is discarded by each call of 'std::function<void (int)>' and never runs [async-discarded-awaitable]
  // CHECK-NOTES: :12:1: note: each call returns 'demo::task<int>', a lazy task, which runs only when awaited
  // CHECK-NOTES: :[[@LINE-3]]:36: note: make the wrapper return 'demo::task<int>' and await what each call returns
}
