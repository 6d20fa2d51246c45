// RUN: %check_async_lint %s async-blocking-call %t

// A coroutine lambda that its creating function only ever runs through
// sync_wait runs on that function's own thread until it first suspends:
// what it blocks there is no executor thread. After a suspension that may
// resume elsewhere, or when the task is also handed on, it is reported.

#include <chrono>
#include <thread>

#include "cppcoro/sync_wait.hpp"
#include "cppcoro/task.hpp"

using namespace std::chrono_literals;

cppcoro::task<int> inner();
void hand_on(cppcoro::task<> t);

struct switch_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

void run_inline() {
  auto make_test = []() -> cppcoro::task<> {
    cppcoro::sync_wait(inner());
    std::this_thread::sleep_for(1ms);
    co_return;
  };
  cppcoro::sync_wait(make_test());
}

void run_after_a_hop() {
  auto make_test = []() -> cppcoro::task<> {
    cppcoro::sync_wait(inner());
    co_await switch_thread{};
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
  };
  cppcoro::sync_wait(make_test());
}

void also_handed_on() {
  auto make_test = []() -> cppcoro::task<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine lambda [async-blocking-call]
    co_return;
  };
  cppcoro::sync_wait(make_test());
  hand_on(make_test());
}
