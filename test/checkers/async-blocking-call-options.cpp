// The defaults: only the calls in the default catalogue.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-blocking-call %t.default

// The mutex category switched on, a project's own blocking call added, one
// catalogue entry allowed again, and no transitive analysis.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-blocking-call %t.custom \
// RUN:   --config="{CheckOptions: {async-blocking-call.Categories: 'sleep;wait;result;sync-wait;io;mutex', \
// RUN:     async-blocking-call.BlockingFunctions: 'legacy::fetch_blocking', \
// RUN:     async-blocking-call.AllowedFunctions: '::std::future::get', \
// RUN:     async-blocking-call.MaxCallDepth: 0}}"

// Replacing a category's list, and the members blocking on awaitables.
// RUN: %check_async_lint --check-suffix=LISTS %s async-blocking-call %t.lists \
// RUN:   --config="{CheckOptions: {async-blocking-call.SleepFunctions: 'legacy::nap', \
// RUN:     async-blocking-call.AwaitableBlockingMembers: 'status', \
// RUN:     async-blocking-call.Categories: 'sleep;result'}}"

#include <future>
#include <mutex>
#include <thread>

#include "concurrencpp/concurrencpp.h"
#include "task.h"

using namespace std::chrono_literals;

namespace legacy {
int fetch_blocking(int);
void nap();
} // namespace legacy

std::mutex M;
void helper() { std::this_thread::sleep_for(1ms); }
concurrencpp::result<int> compute();

demo::task<> f(std::future<int> &F) {
  std::lock_guard<std::mutex> Guard(M);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:31: warning: 'std::lock_guard::lock_guard' blocks the executor thread inside coroutine 'f' [async-blocking-call]
  std::unique_lock<std::mutex> Deferred(M, std::defer_lock);
  Deferred.lock();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:12: warning: 'std::unique_lock::lock' blocks
  legacy::fetch_blocking(1);
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:3: warning: 'legacy::fetch_blocking' blocks the executor thread inside coroutine 'f' [async-blocking-call]
  F.get();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: 'std::future::get' blocks
  // CHECK-MESSAGES-LISTS: :[[@LINE-2]]:5: warning: 'std::future::get' blocks
  helper();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: call to 'helper' blocks
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks
  legacy::nap();
  // CHECK-MESSAGES-LISTS: :[[@LINE-1]]:3: warning: 'legacy::nap' blocks the executor thread inside coroutine 'f' [async-blocking-call]
  (void)compute().status();
  // CHECK-MESSAGES-LISTS: :[[@LINE-1]]:19: warning: 'concurrencpp::result::status' blocks the executor thread inside coroutine 'f' [async-blocking-call]
  (void)compute().get();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: 'concurrencpp::result::get' blocks
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:19: warning: 'concurrencpp::result::get' blocks
  co_return;
}
