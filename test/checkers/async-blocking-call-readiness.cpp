// RUN: %check_async_lint %s async-blocking-call %t

// A get() cannot block on a result the code has made ready: after an awaited
// resolve(), after wait(), in a branch or after an assertion that tested its
// status, when taken from an awaited when_all, or as the winner of an awaited
// when_any. Helpers that block on a parameter are judged at each call site.

#include <tuple>
#include <utility>
#include <vector>

#include "concurrencpp/concurrencpp.h"

using concurrencpp::lazy_result;
using concurrencpp::result;
using concurrencpp::result_status;

result<int> compute();
void assert_true(bool);
template <class A, class B> void assert_equal(const A &, const B &);
template <class A, class B> void assert_not_equal(const A &, const B &);
void consume(int);

// --- Silent: the facts make the result ready. ---

lazy_result<void> after_resolve() {
  result<int> r = compute();
  co_await r.resolve();
  consume(r.get());
}

lazy_result<void> resolved_value() {
  auto done = co_await compute().resolve();
  consume(done.get());
}

lazy_result<void> after_wait() {
  result<int> r = compute();
  r.wait(); // wait() itself blocks; the get() after it does not
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'concurrencpp::result::wait' blocks the executor thread inside coroutine 'after_wait' [async-blocking-call]
  consume(r.get());
  co_return;
}

lazy_result<void> in_branch() {
  result<int> r = compute();
  if (r.status() == result_status::value)
    consume(r.get());
  if (r.status() != result_status::idle) {
    consume(r.get());
  }
  co_return;
}

lazy_result<void> after_polling_loop() {
  result<int> r = compute();
  while (r.wait_for(5) == result_status::idle) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'concurrencpp::result::wait_for' blocks
  }
  consume(r.get());
  co_return;
}

lazy_result<void> after_assertion() {
  result<int> r = compute();
  assert_equal(r.status(), result_status::value);
  consume(r.get());
  result<int> s = compute();
  assert_true(s.status() == result_status::exception);
  consume(s.get());
  co_return;
}

lazy_result<void> from_when_all(std::vector<result<int>> v) {
  auto all = co_await concurrencpp::when_all(v);
  consume(all[0].get());
  for (auto &r : all)
    consume(r.get());
  auto first = std::move(all[1]);
  consume(first.get());
}

lazy_result<void> when_any_winner(std::vector<result<int>> v) {
  auto any = co_await concurrencpp::when_any(v);
  consume(any.results[any.index].get());
}

lazy_result<void> tested_winner() {
  auto any = co_await concurrencpp::when_any(compute(), compute());
  switch (any.index) {
  case 0:
    consume(std::get<0>(any.results).get());
    break;
  case 1:
    consume(std::get<1>(any.results).get());
    consume(std::get<0>(any.results).get());
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'concurrencpp::result::get' blocks
    break;
  }
  if (any.index == 1)
    consume(std::get<1>(any.results).get());
}

// A helper that asserts the status itself never blocks.
void check_ready(result<int> r) {
  assert_equal(r.status(), result_status::value);
  consume(r.get());
}
lazy_result<void> calls_checking_helper() {
  check_ready(compute());
  co_return;
}

// A helper that blocks on its parameter: silent where the argument is ready.
void take(result<int> r) { consume(r.get()); }
void take_twice(result<int> r) { take(std::move(r)); }
lazy_result<void> ready_arguments(std::vector<result<int>> v) {
  auto all = co_await concurrencpp::when_all(v);
  take(std::move(all[0]));
  take_twice(std::move(all[1]));
  auto r = compute();
  co_await r.resolve();
  take(std::move(r));
}

// A captured result, ready where the lambda is made.
template <class F> void run_now(F f) { f(); }
lazy_result<void> captured_ready() {
  result<int> r = compute();
  co_await r.resolve();
  run_now([&] { consume(r.get()); });
}

// An eager coroutine runs in its caller until it first suspends: a get() on
// its parameter there is judged at each call, like a helper's.
result<int> forward(result<int> r) { co_return r.get(); }
void each(std::vector<result<int>> rs) {
  for (auto &r : rs)
    consume(r.get());
}
lazy_result<void> ready_for_eager_coroutine(std::vector<result<int>> v) {
  auto all = co_await concurrencpp::when_all(v);
  consume(co_await forward(std::move(all[0])));
  each(std::move(all));
}

// --- Reported: nothing makes the result ready on every path. ---

lazy_result<void> not_ready_for_eager_coroutine(std::vector<result<int>> v) {
  consume(co_await forward(compute()));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: call to 'forward' blocks the executor thread inside coroutine 'not_ready_for_eager_coroutine' [async-blocking-call]
  each(std::move(v));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'each' blocks the executor thread inside coroutine 'not_ready_for_eager_coroutine'
}

// After it first suspends, an eager coroutine runs wherever it is resumed.
result<int> forward_later(result<int> r) {
  co_await result<int>();
  co_return r.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'concurrencpp::result::get' blocks the executor thread inside coroutine 'forward_later' [async-blocking-call]
}

lazy_result<void> not_ready() {
  result<int> r = compute();
  consume(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::result::get' blocks the executor thread inside coroutine 'not_ready' [async-blocking-call]
  co_return;
}

lazy_result<void> ready_on_one_path(bool b) {
  result<int> r = compute();
  if (b)
    co_await r.resolve();
  consume(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::result::get' blocks
  co_return;
}

lazy_result<void> wrong_branch() {
  result<int> r = compute();
  if (r.status() == result_status::idle)
    consume(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'concurrencpp::result::get' blocks
  assert_not_equal(r.status(), result_status::value);
  consume(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::result::get' blocks
  co_return;
}

lazy_result<void> reassigned() {
  result<int> r = compute();
  co_await r.resolve();
  r = compute();
  consume(r.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'concurrencpp::result::get' blocks
  co_return;
}

lazy_result<void> when_any_loser(std::vector<result<int>> v) {
  auto any = co_await concurrencpp::when_any(v);
  consume(any.results[0].get());
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'concurrencpp::result::get' blocks
}

lazy_result<void> not_awaited_when_all(std::vector<result<int>> v) {
  auto pending = concurrencpp::when_all(v);
  consume(v[0].get());
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'concurrencpp::result::get' blocks
  co_return;
}

lazy_result<void> unready_argument() {
  take(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'take' blocks the executor thread inside coroutine 'unready_argument' [async-blocking-call]
  take_twice(compute());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'take_twice' blocks
  co_return;
}

lazy_result<void> captured_not_ready() {
  result<int> r = compute();
  run_now([&] { consume(r.get()); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'run_now' blocks
  co_return;
}
