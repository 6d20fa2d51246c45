// RUN: %check_async_lint %s async-blocking-call %t

// Tasks of a coroutine lambda gathered in a local container and moved into
// a coroutine lambda that awaits a combinator starting them inline
// (async_simple's collectAll, CombinedStarts) before it first
// suspends: each task runs its code before its first suspension on the
// thread that awaits the combinator. When only a sync-wait with no executor
// runs that lambda, in main or a registered test case, that thread is
// main's (holdout reduction R1, cinatra's "read write 100 small files").
// A combinator that schedules its tasks (collectAllPara), an await after
// a suspension, a task also started elsewhere, or a parent bound to an
// executor is still reported.

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "async_simple/Collect.h"
#include "async_simple/Executors.h"

using namespace std::chrono_literals;
using async_simple::coro::collectAll;
using async_simple::coro::collectAllPara;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

async_simple::Executor *pool();
Lazy<> fetch();
int register_case(void (*)());
#define GATHER(tasks, task) tasks.push_back(task)

// R1: a blocking call before the child's first co_await.
static void write_files() {
  std::vector<Lazy<>> tasks;
  auto write_one = [](int index) -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    co_await fetch();
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
  };
  for (int i = 0; i < 3; ++i)
    tasks.push_back(write_one(i));
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}
static int write_reg = register_case(&write_files);

// The container filled through a macro.
void gather_macro() {
  std::vector<Lazy<>> tasks;
  auto one = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    co_return;
  };
  GATHER(tasks, one());
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}

// In a function template, the lambdas are not followed (a limit): the
// call is reported.
template <class T> void gather_template(T value) {
  std::vector<Lazy<>> tasks;
  auto one = [value]() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  tasks.push_back(one());
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}

// Positive twins.

// collectAllPara schedules the tasks on the executor's threads.
void parallel() {
  std::vector<Lazy<>> tasks;
  auto one = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  tasks.push_back(one());
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAllPara(std::move(tasks));
  };
  syncAwait(wait_all());
}

// Awaited after the parent's first suspension: it may resume elsewhere.
void after_suspension() {
  std::vector<Lazy<>> tasks;
  auto one = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  tasks.push_back(one());
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await fetch();
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}

// A task of the same lambda also started on an executor.
void also_detached() {
  std::vector<Lazy<>> tasks;
  auto one = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  tasks.push_back(one());
  one().via(pool()).detach();
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}

// The awaiting lambda runs on an executor.
void parent_on_pool() {
  std::vector<Lazy<>> tasks;
  auto one = []() -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_return;
  };
  tasks.push_back(one());
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all().via(pool()));
}

int main() {
  gather_macro();
  gather_template(1);
  parallel();
  after_suspension();
  also_detached();
  parent_on_pool();
}
