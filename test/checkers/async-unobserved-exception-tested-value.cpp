// RUN: %check_async_lint %s async-unobserved-exception %t \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.ValueTests: 'res::Try::hasValue', \
// RUN:     async-unobserved-exception.ErrorTests: 'res::Try::hasError', \
// RUN:     async-unobserved-exception.ValueAccessors: 'res::Try::value'}}"

// A value-or-error object's value() throws only when it holds an error. Under
// a test of the same unchanged local that proved it full (`!r.hasError()`,
// `r.hasValue()`, an early exit on the error branch, the else of
// `r.hasError()`) it returns the value: no throw the handler would lose. The
// true twins read the value untested, on the error branch, or after the
// local was assigned again. The tests and the accessor are the options'
// lists (async-unobserved-exception-value-lists.cpp: not listed, not known).

#include <exception>
#include <stdexcept>
#include <thread>

#include "async_simple/Lazy.h"

using async_simple::coro::Lazy;

namespace res {
// A value or an exception; value() rethrows the exception (async_simple's
// and folly's Try, in short).
template <class T> struct Try {
  std::exception_ptr Error;
  T Stored{};
  bool hasError() const { return static_cast<bool>(Error); }
  bool hasValue() const { return !Error; }
  T &value() {
    if (hasError())
      std::rethrow_exception(Error);
    return Stored;
  }
};
} // namespace res

struct op {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  res::Try<int> await_resume() noexcept;
};
op compute();
res::Try<int> fetch();
void log(const char *);
int Cache;

// --- Silent: the value is read where a test proved it there.

Lazy<void> checked() {
  auto R = co_await compute();
  if (!R.hasError())
    Cache = R.value();
}
Lazy<void> early_exit() {
  auto R = co_await compute();
  if (R.hasError())
    co_return;
  Cache = R.value();
  Cache += R.value();
}
Lazy<void> else_branch() {
  auto R = co_await compute();
  if (R.hasError()) {
    log("failed");
  } else {
    Cache = R.value();
  }
}
#define SUCCEEDED(R) (!(R).hasError())
Lazy<void> through_macro() {
  auto R = co_await compute();
  if (SUCCEEDED(R))
    Cache = R.value();
}
template <class T> Lazy<void> in_template() {
  auto R = co_await compute();
  if (R.hasValue())
    Cache = R.value();
}

void silent() {
  checked().start([](auto &&) {});
  early_exit().start([](auto &&) {});
  else_branch().start([](auto &&) {});
  through_macro().start([](auto &&) {});
  in_template<int>().start([](auto &&) {});
  std::thread([] {
    res::Try<int> R = fetch();
    if (!R.hasError())
      Cache = R.value();
  }).detach();
}

// --- Reported: the value read untested, on the error branch, after a test
// that does not exit, or after the local changed.

Lazy<void> unchecked() {
  auto R = co_await compute();
  Cache = R.value();
}
Lazy<void> error_branch() {
  auto R = co_await compute();
  if (R.hasError())
    Cache = R.value();
}
Lazy<void> no_exit() {
  auto R = co_await compute();
  if (R.hasError())
    log("failed");
  Cache = R.value();
}
Lazy<void> reassigned() {
  auto R = co_await compute();
  if (R.hasError())
    co_return;
  R = fetch();
  Cache = R.value();
}
template <class T> Lazy<void> in_template_unchecked() {
  auto R = co_await compute();
  if (!R.hasValue())
    Cache = R.value();
}

Lazy<void> changed_in_loop() {
  auto R = co_await compute();
  if (R.hasError())
    co_return;
  for (int I = 0; I < 3; ++I) {
    Cache += R.value();
    R = fetch();
  }
}

void reported() {
  unchecked().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: exceptions thrown by coroutine 'unchecked' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :100:11: note: 'res::Try::value' may throw here
  error_branch().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: exceptions thrown by coroutine 'error_branch' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :105:13: note: 'res::Try::value' may throw here
  no_exit().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: exceptions thrown by coroutine 'no_exit' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :111:11: note: 'res::Try::value' may throw here
  reassigned().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: exceptions thrown by coroutine 'reassigned' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :118:11: note: 'res::Try::value' may throw here
  in_template_unchecked<int>().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:41: warning: exceptions thrown by coroutine 'in_template_unchecked' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :123:13: note: 'res::Try::value' may throw here
  changed_in_loop().start([](auto &&) {});
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: exceptions thrown by coroutine 'changed_in_loop' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :131:14: note: 'res::Try::value' may throw here
  std::thread([] {
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: {{.*}}
    res::Try<int> R = fetch();
    if (R.hasError())
      log("failed");
    Cache = R.value();
    // CHECK-NOTES: :[[@LINE-1]]:13: note: {{.*}}
  }).detach();
}
