// A value-or-error type is known by the options' lists, not by its members'
// names: with the defaults, corp::result's has_value() proves nothing and
// its value() (whose body rethrows) is a throw; with the type in ValueTests,
// ErrorTests and ValueAccessors, value() under a test that proved a value is
// not one. The untested read is reported either way.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unobserved-exception %t.custom \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.ValueTests: 'corp::result::has_value', \
// RUN:     async-unobserved-exception.ErrorTests: 'corp::result::failed', \
// RUN:     async-unobserved-exception.ValueAccessors: 'corp::result::value'}}"

#include <exception>

#include "async_simple/Lazy.h"

using async_simple::coro::Lazy;

namespace corp {
template <class T> struct result {
  std::exception_ptr Error;
  T Stored{};
  bool has_value() const { return !Error; }
  bool failed() const { return static_cast<bool>(Error); }
  T &value() {
    if (Error)
      std::rethrow_exception(Error);
    return Stored;
  }
};
} // namespace corp

struct op {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  corp::result<int> await_resume() noexcept;
};
op compute();
int Cache;

Lazy<void> tested() {
  auto R = co_await compute();
  if (R.has_value())
    Cache = R.value();
}
#define FAILED(R) (R).failed()
Lazy<void> tested_by_macro() {
  auto R = co_await compute();
  if (FAILED(R))
    co_return;
  Cache = R.value();
}
Lazy<void> untested() {
  auto R = co_await compute();
  Cache = R.value();
}

void run() {
  tested().start([](auto &&) {});
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:21: warning: exceptions thrown by coroutine 'tested' are lost
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES-DEFAULT: :43:13: note: 'corp::result::value' may throw here
  tested_by_macro().start([](auto &&) {});
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:30: warning: exceptions thrown by coroutine 'tested_by_macro' are lost
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES-DEFAULT: :50:11: note: 'corp::result::value' may throw here
  untested().start([](auto &&) {});
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:23: warning: exceptions thrown by coroutine 'untested' are lost
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES-DEFAULT: :54:11: note: 'corp::result::value' may throw here
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:23: warning: exceptions thrown by coroutine 'untested' are lost
  // CHECK-NOTES-CUSTOM: :[[@LINE-5]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES-CUSTOM: :54:11: note: 'corp::result::value' may throw here
}
