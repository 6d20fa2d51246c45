// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=NONE %s async-discarded-awaitable %t.none \
// RUN:   --config="{CheckOptions: {async-discarded-awaitable.PromiseFutureMembers: 'corp::Promise::future'}}"

// A function that returns a promise's future on every path, some paths
// through a helper whose body does the same (a settled promise's future for
// an error, make_error_future; holdout reduction Y5), hands back the outcome
// of work it started, never the work: dropping it is silent, as for a
// function that calls getFuture() on every path itself. Helpers are followed
// a few calls deep, in templates and lambdas alike. Reported: a helper that
// returns a lazy task (the work itself), one whose body is not here, one
// that returns something else on some path. With PromiseFutureMembers
// naming other members (the NONE run), no future is known.

#include "async_simple/Lazy.h"
#include "async_simple/Promise.h"
#include <utility>

void hand_on(async_simple::Promise<int> &&P);
async_simple::Future<int> make_other();
async_simple::coro::Lazy<int> failed_task(int Err);

async_simple::Future<int> make_error_future(int Err) {
  async_simple::Promise<int> P;
  P.setValue(int(Err));
  return P.getFuture();
}
// Two helpers deep, through a local.
async_simple::Future<int> make_busy_future() {
  auto F = make_error_future(2);
  return F;
}
async_simple::Future<int> declared_only(int Err);
async_simple::Future<int> sometimes(bool B) {
  if (B)
    return make_error_future(3);
  return make_other();
}

template <class Config> struct server_base {
  bool Started = false;
  async_simple::Future<int> async_start() {
    if (Started)
      return make_error_future(1);
    if (Config::busy)
      return make_busy_future();
    Started = true;
    async_simple::Promise<int> Promise;
    auto Future = Promise.getFuture();
    hand_on(std::move(Promise));
    return Future;
  }
  // Positive twins.
  async_simple::coro::Lazy<int> start_task() {
    if (Started)
      return failed_task(1);
    return run();
  }
  async_simple::coro::Lazy<int> run() { co_return 0; }
  async_simple::Future<int> start_unknown() {
    if (Started)
      return declared_only(1);
    async_simple::Promise<int> Promise;
    return Promise.getFuture();
  }
  async_simple::Future<int> start_mixed() {
    if (Started)
      return sometimes(false);
    async_simple::Promise<int> Promise;
    return Promise.getFuture();
  }
};

struct config {
  static constexpr bool busy = false;
};
using server = server_base<config>;
#define START(S) (S).async_start()

void caller(server &S) {
  S.async_start();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'server_base::async_start' is discarded [async-discarded-awaitable]
  [[maybe_unused]] auto R = S.async_start();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:25: warning: awaitable 'R' is never awaited [async-discarded-awaitable]
  START(S);
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'server_base::async_start' is discarded
  auto Make = [&S]() {
    if (S.Started)
      return make_error_future(4);
    async_simple::Promise<int> Promise;
    auto Future = Promise.getFuture();
    hand_on(std::move(Promise));
    return Future;
  };
  Make();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by a lambda is discarded
  S.start_task();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'server_base::start_task' is discarded and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: task returned by 'server_base::start_task' is discarded and never runs
  S.start_unknown();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: awaitable returned by 'server_base::start_unknown' is discarded
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: awaitable returned by 'server_base::start_unknown' is discarded
  S.start_mixed();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: awaitable returned by 'server_base::start_mixed' is discarded
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: awaitable returned by 'server_base::start_mixed' is discarded
}
