// RUN: %check_async_lint %s async-blocking-call %t \
// RUN:   --config="{CheckOptions: {InlineStartCombinators: 'corp::gather_inline'}}"

// The combinators that start their tasks inline are the shared list
// InlineStartCombinators: with async_simple's collectAll not in it, the
// tasks it is given are not known to start where it is awaited, and the
// blocking call before their first suspension is reported (silent with the
// default list: async-blocking-call-inline-combinator.cpp).

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "async_simple/Collect.h"
#include "async_simple/Executors.h"

using namespace std::chrono_literals;
using async_simple::coro::collectAll;
using async_simple::coro::Lazy;
using async_simple::coro::syncAwait;

Lazy<> fetch();

int main() {
  std::vector<Lazy<>> tasks;
  auto write_one = [](int index) -> Lazy<> {
    std::this_thread::sleep_for(1ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
    co_await fetch();
  };
  for (int i = 0; i < 3; ++i)
    tasks.push_back(write_one(i));
  auto wait_all = [tasks = std::move(tasks)]() mutable -> Lazy<> {
    co_await collectAll(std::move(tasks));
  };
  syncAwait(wait_all());
}
