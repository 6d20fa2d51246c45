// RUN: %check_async_lint %s async-dangling-reference %t

// A task joined (get(), wait()) before what its coroutine borrows dies is
// done with it: the join blocks until the coroutine has finished.

#include <utility>

#include "concurrencpp/concurrencpp.h"

using concurrencpp::result;

result<int> borrow(int &counter) {
  co_await result<int>();
  co_return ++counter;
}

void joined_in_scope() {
  int counter = 0;
  auto t = borrow(counter);
  t.get();
}

void waited_in_scope() {
  int counter = 0;
  auto t = borrow(counter);
  t.wait();
}

int joined_after_scope() {
  result<int> t;
  {
    int counter = 0;
    t = borrow(counter);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'counter' of coroutine 'borrow' refers to local 'counter', which the task may outlive [async-dangling-reference]
  }
  return t.get();
}

// A task kept in a member of the very object it borrows dies with it.
#include <vector>

struct client {
  std::vector<result<int>> tasks;
  int id = 0;
};

result<int> serve(client &c) {
  co_await result<int>();
  co_return c.id;
}

void kept_by_its_referent() {
  client c;
  c.tasks.push_back(serve(c));
}

client g_client;
void kept_by_another_object() {
  client c;
  g_client.tasks.push_back(serve(c));
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'c' of coroutine 'serve' refers to local 'c', which the task may outlive [async-dangling-reference]
}

// A helper's summary: what it does with the task it is given decides the
// finding at the call, with a note in the helper.
#include <string>

result<int> read_name(const std::string &name) {
  co_await result<int>();
  co_return int(name.size());
}
void join(result<int> t) { t.get(); }
std::vector<result<int>> Pending;
void keep(result<int> t) { Pending.push_back(std::move(t)); }
void keep_twice(result<int> t) { keep(std::move(t)); }

void helper_joins() { join(read_name(std::string("x"))); }

void helper_keeps() {
  keep(read_name(std::string("x")));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: parameter 'name' of coroutine 'read_name' refers to a temporary that the task outlives [async-dangling-reference]
  keep_twice(read_name(std::string("y")));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: parameter 'name' of coroutine 'read_name' refers to a temporary that the task outlives [async-dangling-reference]
}

// A lifetime the function waits out: the task signals a semaphore or latch
// of the caller after its last use of what it borrows, and the caller blocks
// on it before the locals die (async_simple's testDetach: the task releases
// a util::Condition, a std::binary_semaphore, and the test acquires it).
#include <latch>
#include <semaphore>

#include "async_simple/Lazy.h"

using async_simple::Executor;
using async_simple::coro::Lazy;

void waited_out_by_semaphore(Executor *ex) {
  std::binary_semaphore done(0);
  int count = 0;
  auto body = [](std::binary_semaphore &done, int &count) -> Lazy<> {
    count += 2;
    done.release();
    co_return;
  };
  body(done, count).via(ex).detach();
  done.acquire();
}

Lazy<> count_and_arrive(std::latch &l, int &count) {
  ++count;
  l.count_down();
  co_return;
}
void waited_out_by_latch(Executor *ex) {
  std::latch l(1);
  int count = 0;
  count_and_arrive(l, count).via(ex).detach();
  l.wait();
}

// Twins: the task uses the local after it signals, the caller does not wait,
// or waits only on one path.

Lazy<> arrive_then_count(std::latch &l, int &count) {
  l.count_down();
  ++count;
  co_return;
}
void used_after_the_signal(Executor *ex) {
  std::latch l(1);
  int count = 0;
  arrive_then_count(l, count).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: parameter 'count' of coroutine 'arrive_then_count' refers to local 'count', which the task may outlive [async-dangling-reference]
  l.wait();
}

void not_waited(Executor *ex) {
  std::latch l(1);
  int count = 0;
  count_and_arrive(l, count).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: parameter 'l' of coroutine 'count_and_arrive' refers to local 'l', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: parameter 'count' of coroutine 'count_and_arrive' refers to local 'count', which the task may outlive [async-dangling-reference]
}

void waited_on_one_path(Executor *ex, bool b) {
  std::latch l(1);
  int count = 0;
  count_and_arrive(l, count).via(ex).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: parameter 'l' of coroutine 'count_and_arrive' refers to local 'l', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: parameter 'count' of coroutine 'count_and_arrive' refers to local 'count', which the task may outlive [async-dangling-reference]
  if (b)
    l.wait();
}

// An eager coroutine whose every co_await is on a result its own code shows
// ready (a status asserted with an assertion helper) never suspends: it is
// done with its parameters when the call returns (concurrencpp's
// test_ready_lazy_result). Its twin asserts nothing and may suspend.
template <class A, class B> void assert_equal(const A &, const B &);
int expected_value();

result<int> verify_ready(concurrencpp::lazy_result<int> r, const int &o) {
  assert_equal(r.status(), concurrencpp::result_status::value);
  assert_equal(co_await r, o);
  co_return 0;
}
result<int> check_ready(concurrencpp::lazy_result<int> r) {
  return verify_ready(std::move(r), expected_value());
}

result<int> verify_any(concurrencpp::lazy_result<int> r, const int &o) {
  assert_equal(co_await r, o);
  co_return 0;
}
result<int> check_any(concurrencpp::lazy_result<int> r) {
  return verify_any(std::move(r), expected_value());
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: parameter 'o' of coroutine 'verify_any' refers to a temporary that the task outlives [async-dangling-reference]
}
