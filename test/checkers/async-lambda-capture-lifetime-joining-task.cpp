// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A coroutine lambda whose task type's destructor joins the coroutine (it
// blocks on a flag in the promise until the final suspend): dropping the
// task ends the statement only once the coroutine is done with the
// closure. Twins: a task type whose destructor does not wait, and one that
// waits on something other than its promise.

#include "joining_task.h"

#define RUN(TASK) (TASK)()

bool joined_closure() {
  bool requested = false;
  {
    auto run = [&]() -> joining_task<void> {
      co_await elsewhere();
      requested = true;
    };
    run();
  }
  return requested;
}

bool joined_generic_closure_macro() {
  bool requested = false;
  {
    auto run = [&](auto... none) -> joining_task<void> {
      co_await elsewhere();
      requested = true;
    };
    RUN(run);
  }
  return requested;
}

// Twins.
bool detached_closure() {
  bool requested = false;
  {
    auto run = [&]() -> detached_task {
      co_await elsewhere();
      requested = true;
    };
    run();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'run' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  }
  return requested;
}

bool waits_on_other_state() {
  bool requested = false;
  {
    auto run = [&]() -> waits_elsewhere {
      co_await elsewhere();
      requested = true;
    };
    RUN(run);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: closure 'run' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  }
  return requested;
}
