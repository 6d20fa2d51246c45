// RUN: %check_async_lint %s async-discarded-awaitable %t \
// RUN:   --config="{CheckOptions: {AlwaysTrueFunctions: 'corp::check_enabled'}}"

// The functions documented to return true are the shared list
// AlwaysTrueFunctions (default: GoogleTest's testing::internal::AlwaysTrue,
// async-discarded-awaitable-always-true.cpp). With the list set to an
// in-house function, a branch that function guards always runs, and one
// that GoogleTest's guards no longer counts as always taken.

#include <coroutine>
#include <utility>

namespace testing::internal {
bool AlwaysTrue();
} // namespace testing::internal
namespace corp {
bool check_enabled();
} // namespace corp

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  int get() &&;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};
task make();
void fail();

#define GUARDED_BY(guard, statement)                                           \
  if (guard()) {                                                               \
    statement;                                                                 \
  } else                                                                       \
    fail()

// Silent: the configured function guards the use.
void in_house_guard() {
  auto T = make();
  GUARDED_BY(corp::check_enabled, (void)std::move(T).get());
}
template <class U> void in_house_guard_in_template() {
  U T = make();
  GUARDED_BY(corp::check_enabled, (void)std::move(T).get());
}
template void in_house_guard_in_template<task>();

// Reported: GoogleTest's function is not in the configured list.
void default_guard_not_listed() {
  auto T = make();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  GUARDED_BY(::testing::internal::AlwaysTrue, (void)std::move(T).get());
}
void in_house_in_lambda() {
  auto Check = [] {
    auto T = make();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
    GUARDED_BY(testing::internal::AlwaysTrue, (void)std::move(T).get());
  };
  Check();
}
