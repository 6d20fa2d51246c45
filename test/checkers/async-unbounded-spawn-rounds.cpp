// RUN: %check_async_lint %s async-unbounded-spawn %t

// Tasks collected one per element by a range-based for, inside a loop that
// combines them every round and clears the container before the next. An
// early exit in the range-for (`if (failures == n) co_return;`) only
// shortens it, and the outer loop still awaits each round's tasks: silent,
// as without the exit. The twins pile tasks up across rounds, combined only
// after the outer loop: reported.

#include <utility>
#include <vector>

#include "task.h"

namespace demo {
template <class T> task<> when_all(T &&);
} // namespace demo

struct conn {
  demo::task<> get();
};
bool failed();

demo::task<> rounds(std::vector<conn> &Conns, bool &Stop) {
  unsigned long Failures = 0;
  std::vector<demo::task<>> Batch;
  while (!Stop) {
    for (conn &C : Conns) {
      if (Failures == Conns.size())
        co_return;
      Batch.push_back(C.get());
    }
    co_await demo::when_all(std::move(Batch));
    Failures += failed();
  }
}

// The same with `break` and `return` spelled through a macro, in a
// template and in a lambda.
#define GIVE_UP_IF(Cond)                                                       \
  if (Cond)                                                                    \
  break
template <class Conn>
demo::task<> rounds_template(std::vector<Conn> &Conns, bool &Stop) {
  unsigned long Failures = 0;
  std::vector<demo::task<>> Batch;
  while (!Stop) {
    for (Conn &C : Conns) {
      GIVE_UP_IF(Failures == Conns.size());
      Batch.push_back(C.get());
    }
    co_await demo::when_all(std::move(Batch));
    ++Failures;
  }
}
template demo::task<> rounds_template(std::vector<conn> &, bool &);

void in_lambda(std::vector<conn> &Conns, bool &Stop) {
  auto Run = [&]() -> demo::task<> {
    unsigned long Failures = 0;
    std::vector<demo::task<>> Batch;
    while (!Stop) {
      for (conn &C : Conns) {
        if (Failures == Conns.size())
          co_return;
        Batch.push_back(C.get());
      }
      co_await demo::when_all(std::move(Batch));
      Failures += failed();
    }
  };
  (void)Run;
}

// --- Reported: the tasks pile up across rounds.

demo::task<> piled(conn &C, bool &Stop) {
  std::vector<demo::task<>> Batch;
  while (!Stop)
    Batch.push_back(C.get());
  co_await demo::when_all(std::move(Batch));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Batch' at once, one per iteration of an unbounded loop [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

// The early exit as in rounds, but the tasks are combined only once the
// outer loop ends.
demo::task<> piled_rounds(std::vector<conn> &Conns, bool &Stop) {
  unsigned long Failures = 0;
  std::vector<demo::task<>> Batch;
  while (!Stop) {
    for (conn &C : Conns) {
      if (Failures == Conns.size())
        co_return;
      Batch.push_back(C.get());
    }
    Failures += failed();
  }
  co_await demo::when_all(std::move(Batch));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Batch' at once
  // CHECK-NOTES: :[[@LINE-6]]:7: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-10]]:5: note: the loop has no static bound
}
