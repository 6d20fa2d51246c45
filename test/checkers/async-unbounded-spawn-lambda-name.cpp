// RUN: %check_async_lint %s async-unbounded-spawn %t

// A spawn that is the call of a lambda is named by the variable that holds
// the lambda: its call operator's own name ('(anonymous)::operator()') says
// nothing to the reader.

#include <vector>

#include "task.h"

#define FIRE_ALL(fn, items)                                                    \
  for (int Item : items)                                                       \
  fn(Item)

void named_lambda(const std::vector<int> &Items) {
  auto Fire = [](int) -> demo::fire_and_forget { co_return; };
  for (int Item : Items)
    Fire(Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'Fire' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}

template <class T> void in_template(const std::vector<T> &Items) {
  auto Fire = [](T) -> demo::fire_and_forget { co_return; };
  for (const T &Item : Items)
    Fire(Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Fire' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}
template void in_template<int>(const std::vector<int> &);

void in_macro(const std::vector<int> &Items) {
  auto Fire = [](int) -> demo::fire_and_forget { co_return; };
  FIRE_ALL(Fire, Items);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Fire' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}

void temporary_lambda(const std::vector<int> &Items) {
  for (int Item : Items)
    [](int) -> demo::fire_and_forget { co_return; }(Item);
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: the lambda's call starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
}

// Silent: a fixed number of iterations.
void bounded(int) {
  auto Fire = [](int) -> demo::fire_and_forget { co_return; };
  for (int I = 0; I < 4; ++I)
    Fire(I);
}
