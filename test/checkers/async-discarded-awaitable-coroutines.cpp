// RUN: %check_async_lint %s async-discarded-awaitable %t

// Generators, nested coroutines, and coroutines that yield.

#include "generator.h"
#include "task.h"

demo::generator<int> numbers();
demo::task<> store();

demo::generator<int> evens() {
  // A synchronous generator is not a task: it runs only as it is iterated,
  // and dropping one drops no work.
  numbers();
  auto unused = numbers();
  for (int N : numbers())
    co_yield N * 2;
}

demo::task<> outer() {
  // A coroutine lambda is a coroutine of its own: its body is checked with
  // its own return type, and creating the lambda drops nothing.
  auto Inner = []() -> demo::task<> {
    store();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'store' is discarded and never runs
    co_return;
  };
  co_await Inner();
  // A non-coroutine lambda returning a task: calling it and dropping the
  // result is the bug, not the lambda.
  auto Make = [] { return store(); };
  Make();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by a lambda is discarded and never runs
  co_await Make();
}
