// RUN: %check_async_lint %s async-circular-wait %t

// A coroutine that awaits the future of a promise of its own that only its
// code after the wait would set never resumes. Silent as soon as anything
// else could set the promise first.

#include "async_simple/Lazy.h"
#include "async_simple/Promise.h"
#include "concurrencpp/result_promise.h"
#include <utility>

void hand_off(async_simple::Promise<int> &&);

async_simple::coro::Lazy<int> answer_later() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  int value = co_await std::move(future);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: coroutine waits for the future of 'promise', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-4]]:30: note: 'promise' is a local of this coroutine; no other code can reach it before the wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'promise' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
  promise.setValue(42);
  co_return value;
}

// Awaited directly, and set by another member.
concurrencpp::lazy_result<void> result_later() {
  concurrencpp::result_promise<int> promise;
  co_await promise.get_result();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for the future of 'promise', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:37: note: 'promise' is a local of this coroutine; no other code can reach it before the wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'promise' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
  promise.set_exception(std::exception_ptr());
}

// A template coroutine, through a macro.
#define AWAIT_FUTURE(p) co_await p.getFuture()
template <class T> async_simple::coro::Lazy<int> template_later() {
  async_simple::Promise<T> promise;
  AWAIT_FUTURE(promise);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for the future of 'promise', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-5]]:25: note: expanded from macro 'AWAIT_FUTURE'
  // CHECK-NOTES: :[[@LINE-4]]:28: note: 'promise' is a local of this coroutine; no other code can reach it before the wait
  // CHECK-NOTES: :[[@LINE+1]]:3: note: 'promise' is set here, which runs only after the wait has ended; set it before the wait or hand it to the code that should set it
  promise.setValue(T());
  co_return 0;
}
template async_simple::coro::Lazy<int> template_later<int>();

// A lambda coroutine.
auto lambda_later = []() -> async_simple::coro::Lazy<int> {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  co_await std::move(future);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine waits for the future of 'promise', which nothing can set before this wait: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-4]]:30: note: 'promise' is a local of this coroutine; no other code can reach it before the wait
  co_return 1;
};

// ---- Silent.

// Set before the wait.
async_simple::coro::Lazy<int> set_first() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  promise.setValue(1);
  co_return co_await std::move(future);
}

// Handed to other code (a call, a lambda) before the wait.
async_simple::coro::Lazy<int> handed_off() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  hand_off(std::move(promise));
  co_return co_await std::move(future);
}
concurrencpp::lazy_result<void> captured(concurrencpp::executor &ex) {
  concurrencpp::result_promise<int> promise;
  auto result = promise.get_result();
  auto setter = [&] { promise.set_result(1); };
  setter();
  co_await std::move(result);
}

// A promise that is not the coroutine's own local.
async_simple::coro::Lazy<int> parameter(async_simple::Promise<int> &promise) {
  co_return co_await promise.getFuture();
}
struct Holder {
  async_simple::Promise<int> promise;
  async_simple::coro::Lazy<int> member() {
    co_return co_await promise.getFuture();
  }
};

// The future handed on before the wait (its owner awaits something else).
void keep(async_simple::Future<int> &);
async_simple::coro::Lazy<int> future_handed_on() {
  async_simple::Promise<int> promise;
  auto future = promise.getFuture();
  keep(future);
  co_return co_await std::move(future);
}
