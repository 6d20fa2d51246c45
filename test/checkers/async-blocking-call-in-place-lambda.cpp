// RUN: %check_async_lint %s async-blocking-call %t

// A coroutine lambda called where it is made, as the only argument of a
// sync-wait (`syncAwait([&]() -> Lazy<> {...}())`, doctest cases in
// yalantinglibs' tests, holdout reduction Y1), is started by that sync-wait
// on its caller's thread and runs there until it first suspends: its call
// is its only one. In a function only main calls, or in a test framework's
// registered case, that is main's thread, which waits in the sync-wait
// anyway. After the first suspension, with an executor bound, started
// another way, or in a function not known to run on main's thread, the
// call is reported.

#include <chrono>
#include <thread>

#include "async_simple/Executors.h"

using namespace std::chrono_literals;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

async_simple::Executor *pool();
Lazy<> fetch();

// A framework's registration, in doctest's shape.
namespace fw {
struct Case {
  Case(void (*)(), const char *, int);
};
int add(const Case &);
} // namespace fw
#define JOIN2(a, b) a##b
#define JOIN(a, b) JOIN2(a, b)
#define CASE_IMPL(fn, reg)                                                     \
  static void fn();                                                            \
  namespace {                                                                  \
  int reg = fw::add(fw::Case(fn, __FILE__, __LINE__));                         \
  }                                                                            \
  static void fn()
#define MY_TEST_CASE(name) CASE_IMPL(JOIN(case_fn_, __LINE__), JOIN(reg_, __LINE__))
#define RUN_SYNC(task) syncAwait(task)

// Y1: the lambda's code before its first co_await runs on main's thread.
MY_TEST_CASE("in place") {
  syncAwait([]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    co_await fetch();
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
  }());
}

// Through a macro, capturing by reference, with a value.
MY_TEST_CASE("macro") {
  int n = 0;
  int got = RUN_SYNC([&]() -> Lazy<int> {
    std::this_thread::sleep_for(1ms);
    co_return n;
  }());
  (void)got;
}

// A named child awaited before the lambda first suspends starts inline.
Lazy<> child() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
MY_TEST_CASE("child") {
  syncAwait([]() -> Lazy<> {
    co_await child();
    co_await fetch();
  }());
}

// A captureless lambda registered as the case.
static int lambda_reg = fw::add(fw::Case(
    [] {
      syncAwait([]() -> Lazy<> {
        std::this_thread::sleep_for(1ms);
        co_return;
      }());
    },
    __FILE__, __LINE__));

// A plain function and a template that only main calls.
static void run_plain() {
  syncAwait([]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    co_return;
  }());
}
template <class T> void run_template(T v) {
  syncAwait([v]() -> Lazy<> {
    std::this_thread::sleep_for(std::chrono::milliseconds(v));
    co_await fetch();
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
  }());
}

// Positive twins.

// Bound to an executor: it runs on the pool.
static void run_pooled() {
  syncAwait([]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  }().via(pool()));
}

// Started another way than by a sync-wait.
static void run_started() {
  []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  }().via(pool()).start([](auto &&) {});
}

// Stored, sync-waited, and also started elsewhere.
static void run_stored() {
  auto body = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  syncAwait(body());
  body().via(pool()).start([](auto &&) {});
}

// A function whose callers are not all main's: a coroutine calls it after
// it suspends, on an executor's thread.
static void run_anywhere() {
  syncAwait([]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  }());
}
Lazy<> resumed() {
  co_await fetch();
  run_anywhere();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'run_anywhere' blocks the executor thread inside coroutine 'resumed' [async-blocking-call]
}

// A template one of whose instantiations a coroutine calls after it
// suspends.
template <class T> void run_generic(T v) {
  syncAwait([v]() -> Lazy<> {
    std::this_thread::sleep_for(std::chrono::milliseconds(v));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  }());
}
Lazy<> resumed_generic() {
  co_await fetch();
  run_generic(2L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'run_generic' blocks the executor thread inside coroutine 'resumed_generic' [async-blocking-call]
}

// A function whose address is stored may be called from anywhere.
static void run_stored_fn() {
  syncAwait([]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  }());
}
void (*stored_fn)() = &run_stored_fn;

int main() {
  run_plain();
  run_template(1);
  run_pooled();
  run_started();
  run_stored();
  run_anywhere();
  run_generic(1);
}
