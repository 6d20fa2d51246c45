// Defaults.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default

// FlagVoidCasts, and library lists set globally (for every check) and
// locally (this check only; the local one wins).
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-discarded-awaitable %t.custom \
// RUN:   --config="{CheckOptions: {async-discarded-awaitable.FlagVoidCasts: true, \
// RUN:     FireAndForgetTypes: 'demo::task', \
// RUN:     async-discarded-awaitable.FireAndForgetTypes: 'legacy::Detached', \
// RUN:     TaskTypes: 'legacy::Handle', DeferredTokens: 'legacy::lazy_t'}}"

#include "task.h"

namespace legacy {
// A coroutine type whose promise async-lint cannot see (declared only).
struct Handle {
  ~Handle();
};
Handle start_job();
struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
Detached fire();
struct lazy_t {};
inline constexpr lazy_t lazy{};
struct pending {};
pending async_op(lazy_t);
} // namespace legacy

demo::task<> store();

demo::task<> f() {
  (void)store();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:9: warning: task returned by 'store' is discarded and never runs [async-discarded-awaitable]
  store();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded and never runs
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:3: warning: task returned by 'store' is discarded and never runs
  legacy::start_job();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: task returned by 'legacy::start_job' is discarded
  legacy::fire();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'legacy::fire' is discarded; what it does after it first suspends runs detached
  legacy::async_op(legacy::lazy);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: asynchronous operation 'legacy::async_op' is discarded and never starts
  co_return;
}
