// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=NONE %s async-discarded-awaitable %t.none \
// RUN:   --config="{CheckOptions: {async-discarded-awaitable.PromiseFutureMembers: 'corp::Promise::future'}}"

// A future that a function returns from a promise is the read end of work
// the function started or handed on (a server that runs once started): the
// work runs whether the future is awaited or not, and dropping it loses the
// outcome, not the work. Silent. Reported: a function whose body is not
// here, one whose returned local is replaced (the future it replaced is
// the outcome of work too: silent), one that returns something else on
// some path. With PromiseFutureMembers naming other members (the
// NONE run), no future is known and every drop is reported.

#include "async_simple/Promise.h"
#include <utility>

void hand_on(async_simple::Promise<int> &&P);
async_simple::Future<int> make_other();

struct server {
  async_simple::Future<int> start() {
    async_simple::Promise<int> Promise;
    auto Future = Promise.getFuture();
    hand_on(std::move(Promise));
    return Future;
  }
  async_simple::Future<int> start_direct(async_simple::Promise<int> &P) {
    return P.getFuture();
  }
  async_simple::Future<int> start_later();
  async_simple::Future<int> replaced() {
    async_simple::Promise<int> Promise;
    auto Future = Promise.getFuture();
    // CHECK-MESSAGES-NONE: :[[@LINE-1]]:10: warning: awaitable 'Future' is not awaited on every path [async-discarded-awaitable]
    hand_on(std::move(Promise));
    Future = make_other();
    return Future;
  }
  async_simple::Future<int> mixed(bool Now) {
    async_simple::Promise<int> Promise;
    if (Now)
      return Promise.getFuture();
    return make_other();
  }
};

template <class T> async_simple::Future<T> started(async_simple::Promise<T> &P) {
  return P.getFuture();
}

#define START(S) (S).start()

void caller(server &S, async_simple::Promise<int> &P) {
  S.start();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'server::start' is discarded [async-discarded-awaitable]
  P.getFuture();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'async_simple::Promise::getFuture' is discarded
  S.start_direct(P);
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'server::start_direct' is discarded
  started(P);
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'started' is discarded
  START(S);
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by 'server::start' is discarded
  auto Make = [] {
    async_simple::Promise<int> Promise;
    auto Future = Promise.getFuture();
    hand_on(std::move(Promise));
    return Future;
  };
  Make();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:3: warning: awaitable returned by a lambda is discarded
  S.start_later();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: awaitable returned by 'server::start_later' is discarded [async-discarded-awaitable]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: awaitable returned by 'server::start_later' is discarded
  S.replaced();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: awaitable returned by 'server::replaced' is discarded
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: awaitable returned by 'server::replaced' is discarded
  S.mixed(true);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: awaitable returned by 'server::mixed' is discarded
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:3: warning: awaitable returned by 'server::mixed' is discarded
  // Kept in a local and never awaited: the same.
  auto Kept = S.start();
  // CHECK-MESSAGES-NONE: :[[@LINE-1]]:8: warning: awaitable 'Kept' is never awaited [async-discarded-awaitable]
  auto Later = S.start_later();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: awaitable 'Later' is never awaited [async-discarded-awaitable]
  // CHECK-MESSAGES-NONE: :[[@LINE-2]]:8: warning: awaitable 'Later' is never awaited [async-discarded-awaitable]
}
