// RUN: %check_async_lint %s async-discarded-awaitable %t

// A statement wrapped in a branch that is always taken runs on every path.
// Test frameworks' statement assertions (GoogleTest's EXPECT_THROW) expand to
// `switch (0) case 0: default: if (always_true_object) { try { stmt; }
// ... } else ...`, and run stmt inside `if (AlwaysTrue()) { stmt; }`: the
// object's operator bool only returns true, every value of the switch
// enters its `default:` chain, and GoogleTest's AlwaysTrue() returns true.
// A task used there is used on every path. The structure is written out
// here (no framework header); a real branch still leaves a path without a
// use.

#include <coroutine>
#include <utility>

namespace testing::internal {
bool AlwaysTrue();
} // namespace testing::internal

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
template <class T> T make_as();
bool chance();
void fail();

// An object whose conversion to bool is always true.
struct always {
  explicit operator bool() const { return true; }
};
// An object whose conversion to bool depends on its state.
struct flag {
  bool On;
  explicit operator bool() const { return On; }
};

#define RUNS_STATEMENT(statement)                                             \
  switch (0)                                                                   \
  case 0:                                                                      \
  default:                                                                     \
    if (always Message{}) {                                                    \
      try {                                                                    \
        if (::testing::internal::AlwaysTrue()) {                               \
          statement;                                                           \
        } else                                                                 \
          fail();                                                              \
      } catch (...) {                                                          \
      }                                                                        \
    } else                                                                     \
      fail()

// Catch2's throw assertions (REQUIRE_THROWS_AS and the like) run their
// statement under `if (handler.allowThrows())`: false only when the runner
// is told to skip every assertion that expects a throw (-e, --nothrow), a
// branch of the user's choosing, not of the code under test (the default of
// AlwaysTrueFunctions lists it). Another member of the handler is a real
// branch.
namespace Catch {
class AssertionHandler {
public:
  explicit AssertionHandler(const char *Expression);
  auto allowThrows() const -> bool;
  bool shouldSkip() const;
  void handleExceptionThrownAsExpected();
  void handleUnexpectedExceptionNotThrown();
  void handleThrowingCallSkipped();
};
} // namespace Catch

#define THROWS_AS_UNDER(test, expr, E)                                         \
  do {                                                                         \
    Catch::AssertionHandler Handler(#expr);                                    \
    if (Handler.test())                                                        \
      try {                                                                    \
        static_cast<void>(expr);                                               \
        Handler.handleUnexpectedExceptionNotThrown();                          \
      } catch (E const &) {                                                    \
        Handler.handleExceptionThrownAsExpected();                             \
      }                                                                        \
    else                                                                       \
      Handler.handleThrowingCallSkipped();                                     \
  } while (false)
#define THROWS_AS(expr, E) THROWS_AS_UNDER(allowThrows, expr, E)

// --- Silent: the use runs on every path.

void catch_throws() {
  auto T = make();
  THROWS_AS(std::move(T).get(), int);
}
task catch_throws_awaited() {
  auto T = make();
  THROWS_AS(co_await T, int);
  co_return 0;
}

void in_macro() {
  auto T = make();
  RUNS_STATEMENT((void)std::move(T).get());
}
void always_object() {
  auto T = make();
  if (always{})
    (void)std::move(T).get();
  else
    fail();
}
template <class U> void in_template() {
  auto T = make_as<U>();
  RUNS_STATEMENT((void)std::move(T).get());
}
template void in_template<task>();
void in_lambda() {
  auto Check = [] {
    auto T = make();
    RUNS_STATEMENT((void)std::move(T).get());
  };
  Check();
}

// --- Reported: a branch that may not be taken.

void catch_other_member() {
  auto T = make();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  THROWS_AS_UNDER(shouldSkip, std::move(T).get(), int);
}

void under_real_branch() {
  auto T = make();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (chance())
    RUNS_STATEMENT((void)std::move(T).get());
}
void state_object(flag F) {
  auto T = make();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (F)
    (void)std::move(T).get();
  else
    fail();
}
template <class U> void template_branch() {
  auto T = make_as<U>();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (chance())
    RUNS_STATEMENT((void)std::move(T).get());
}
template void template_branch<task>();
void lambda_branch() {
  auto Check = [] {
    auto T = make();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
    if (chance())
      RUNS_STATEMENT((void)std::move(T).get());
  };
  Check();
}
