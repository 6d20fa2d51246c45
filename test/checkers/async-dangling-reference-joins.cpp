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
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'counter' of coroutine 'borrow' refers to local 'counter', which is destroyed while the task may still run [async-dangling-reference]
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
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'c' of coroutine 'serve' refers to local 'c', which is destroyed while the task may still run [async-dangling-reference]
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
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: parameter 'name' of coroutine 'read_name' refers to a temporary that is destroyed before the task is done with it [async-dangling-reference]
  keep_twice(read_name(std::string("y")));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: parameter 'name' of coroutine 'read_name' refers to a temporary that is destroyed before the task is done with it [async-dangling-reference]
}
