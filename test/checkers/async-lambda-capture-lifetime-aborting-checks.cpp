// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

// A check that ends the process unless the task has made its last change:
// 'CHECK(done)' after starting a task whose last statement sets 'done'.
// Every run that goes on past the check has the task done with its
// captures; a run where it is not aborts there, and the locals are never
// destroyed under the task. Evidence only when the condition is false at
// the locals' initialisers, nothing but the task changes them, and the
// check is on every path before the locals die. A check that returns
// instead of aborting unwinds the locals: still reported.

#include <atomic>
#include <exception>

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;

Lazy<> step();

// A test's own assertion macro: report, then abort.
int report(const char *Text);
[[noreturn]] void abort_run();
#define REPORT_AND_ABORT(e) ((void)report(e), abort_run())
#define CHECK(e) ((void)((e) ? ((void)0) : REPORT_AND_ABORT(#e)))

void checked_flag(Executor *Ex) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  CHECK(Done);
}

void checked_count(Executor *Ex) {
  int Received = 0;
  auto Reader = [&]() -> Lazy<void> {
    co_await step();
    Received = 42;
  };
  Reader().via(Ex).detach();
  CHECK(Received == 42);
}

// An if whose branch aborts, on an atomic read through load().
void checked_atomic(Executor *Ex) {
  std::atomic<bool> Done{false};
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done.store(true);
  };
  Writer().via(Ex).detach();
  if (!Done.load())
    std::terminate();
}

// An earlier check of something else aborts on its failing path: that
// path never destroys the locals either.
void earlier_unrelated_check(Executor *Ex, int Expected) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  CHECK(Expected > 0);
  CHECK(Done);
}

template <class T> void generic_checked(Executor *Ex, T Seed) {
  T Value = Seed;
  bool Done = false;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    Value += Seed;
    Done = true;
  };
  Writer().via(Ex).detach();
  CHECK(Done);
}
template void generic_checked<int>(Executor *, int);

// --- Twins that must still be reported.

// The condition holds before the task runs: the check proves nothing.
void holds_initially(Executor *Ex) {
  int Errors = 0;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    if (Value > 1)
      ++Errors;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Errors == 0);
}

// The function sets the flag itself: the check passes without the task.
void set_by_the_function(Executor *Ex) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Done = true;
  CHECK(Done);
}

// A check that returns on failure unwinds the locals under the task.
void returns_on_failure(Executor *Ex) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (!Done)
    return;
}

// An earlier check that throws on failure unwinds the locals under the
// task.
void earlier_throwing_check(Executor *Ex, int Expected) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (Expected < 0)
    throw Expected;
  CHECK(Done);
}

// The task uses a capture after its change.
void uses_after_the_change(Executor *Ex) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    Done = true;
    ++Value;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Done);
}

// Checked on one path only.
void checked_on_some_paths(Executor *Ex, bool Verify) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  if (Verify)
    CHECK(Done);
}

// Another task sets the same flag: the check may pass on its change.
void another_setter(Executor *Ex) {
  bool Done = false;
  int Value = 0;
  auto Writer = [&]() -> Lazy<void> {
    co_await step();
    ++Value;
    Done = true;
  };
  auto Other = [&]() -> Lazy<void> {
    co_await step();
    Done = true;
  };
  Writer().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Writer' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Other().via(Ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: closure 'Other' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  CHECK(Done);
}
