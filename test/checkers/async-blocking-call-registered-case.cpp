// RUN: %check_async_lint %s async-blocking-call %t

// A test framework's case (doctest's and Catch2's TEST_CASE) is a static
// function, or a captureless lambda, that the initialiser of a
// namespace-scope variable hands to the framework's registration; the
// framework's runner, which main calls, runs the cases one after another on
// main's thread. A lazy coroutine that only a sync-wait in such a case
// starts, with no executor bound, runs there until it first suspends, and
// the case waits in the sync-wait anyway (a file opened before the first
// co_await, holdout reduction R1). After the first suspension, with an
// executor bound, from a case also called some other way, or from a
// function only stored in a variable, the call is reported.

#include <chrono>
#include <thread>

#include "async_simple/Executors.h"

using namespace std::chrono_literals;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

async_simple::Executor *pool();
Lazy<> fetch();

// A framework's registration, in doctest's shape and in Catch2's.
namespace fw {
struct Case {
  Case(void (*)(), const char *, int);
};
int add(const Case &);
struct AutoReg {
  AutoReg(void (*)(), const char *);
};
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

// R1: the coroutine's code before its first co_await.
Lazy<> read_file() {
  std::this_thread::sleep_for(1ms);
  co_await fetch();
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'read_file' [async-blocking-call]
}
MY_TEST_CASE("read") { syncAwait(read_file()); }

// A template, and a sync-wait written through a macro.
template <class T> Lazy<T> generic_read(T v) {
  std::this_thread::sleep_for(1ms);
  co_return v;
}
Lazy<> through_macro() {
  std::this_thread::sleep_for(1ms);
  co_await fetch();
}
MY_TEST_CASE("template and macro") {
  syncAwait(generic_read(1));
  RUN_SYNC(through_macro());
}

// Catch2's shape: the address handed to a registrar's constructor.
Lazy<> catch_body() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
static void catch_case() { syncAwait(catch_body()); }
static const fw::AutoReg catch_reg(&catch_case, "catch");

// A captureless lambda registered as the case.
Lazy<> lambda_body() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
static int lambda_reg = fw::add(fw::Case(
    [] { syncAwait(lambda_body()); }, __FILE__, __LINE__));

// Positive twins.

// Also bound to an executor in another case.
Lazy<> also_pooled() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'also_pooled' [async-blocking-call]
  co_return;
}
MY_TEST_CASE("pooled") {
  syncAwait(also_pooled());
  syncAwait(also_pooled().via(pool()));
}

// A registered case that a coroutine also calls after it suspends.
Lazy<> shared_body() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'shared_body' [async-blocking-call]
  co_return;
}
static void shared_case() { syncAwait(shared_body()); }
static int shared_reg = fw::add(fw::Case(shared_case, __FILE__, __LINE__));
Lazy<> runner() {
  co_await fetch();
  shared_case();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'shared_case' blocks the executor thread inside coroutine 'runner' [async-blocking-call]
}

// A function only stored in a variable may be called from anywhere.
Lazy<> stored_body() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'stored_body' [async-blocking-call]
  co_return;
}
static void stored_fn() { syncAwait(stored_body()); }
void (*stored)() = &stored_fn;

// A lambda only stored in a variable: its callers are not known.
Lazy<> stored_lambda_body() {
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} 'stored_lambda_body' [async-blocking-call]
  co_return;
}
static auto stored_lambda = [] { syncAwait(stored_lambda_body()); };
