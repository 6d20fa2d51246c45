// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unhandled-race-outcome %t

// A when_any over a range names its winner by index. Crediting a fixed
// input instead (element 0 of the results taken through a structured
// binding, or an input of the raced range handed to a function that takes
// its result) assumes that input won. Silent when the index is used.

#include <utility>

#include "task.h"

namespace ranges {
template <class T> struct list {
  T &operator[](unsigned long);
  T &front();
  T *begin();
  T *end();
};
template <class T> struct any_result {
  unsigned long index;
  list<T> results;
};
template <class T> demo::task<any_result<T>> when_any(list<T> &);
template <class T> demo::task<> when_all(T &, T &);
} // namespace ranges
namespace valued {
template <class T> demo::task<T> when_any(ranges::list<demo::task<T>> &);
} // namespace valued

void use(demo::task<int> &);
void record(int, demo::task<int> &);
int take(demo::task<int> &);

// --- Structured bindings: the index is bound and ignored.

demo::task<> bound_and_ignored(ranges::list<demo::task<int>> Tasks) {
  auto [Index, Results] = co_await ranges::when_any(Tasks);
  use(Results[0]);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 0 of a race as if it completed first, without checking which input did [async-unhandled-race-outcome]
  // CHECK-NOTES: :[[@LINE-3]]:27: note: any input of this race may complete first; check 'Index' first
  use(Results.front());
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 0 of a race
  // CHECK-NOTES: :[[@LINE-6]]:27: note: any input of this race may complete first; check 'Index' first
}

// --- An input of the raced range handed to a function after the race.

demo::task<int> handed_over(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  record(1, Tasks[0]);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this takes input 0 of a race as if it completed first, without checking which input did
  // CHECK-NOTES: :[[@LINE-3]]:14: note: any input of this race may complete first; check 'Any.index' first
  co_return take(Tasks[1]);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: this takes input 1 of a race as if it completed first
  // CHECK-NOTES: :[[@LINE-6]]:14: note: any input of this race may complete first; check 'Any.index' first
}

// Surface forms: a member coroutine of a class template, a macro, a lambda.
template <class T> struct racer {
  ranges::list<demo::task<T>> Tasks;
  demo::task<> run() {
    auto [Index, Results] = co_await ranges::when_any(Tasks);
    use(Results[1]);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: this reads the result of input 1 of a race
    // CHECK-NOTES: :[[@LINE-3]]:29: note: any input of this race may complete first; check 'Index' first
  }
};
template struct racer<int>;

#define FIRST(R) (R)[0]
demo::task<> through_macro(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  use(FIRST(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: this takes input 0 of a race
  // CHECK-NOTES: :[[@LINE-3]]:14: note: any input of this race may complete first; check 'Any.index' first
}

void in_lambda(ranges::list<demo::task<int>> Tasks) {
  auto Coro = [&]() -> demo::task<> {
    auto [Index, Results] = co_await ranges::when_any(Tasks);
    use(Results[0]);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: this reads the result of input 0 of a race
    // CHECK-NOTES: :[[@LINE-3]]:29: note: any input of this race may complete first; check 'Index' first
  };
  (void)Coro;
}

// --- Silent: the index is used or checked; inputs handed over before the
// race, raced or joined again; a race that yields the winner's value alone.

demo::task<> index_used(ranges::list<demo::task<int>> Tasks) {
  use(Tasks[0]);
  auto [Index, Results] = co_await ranges::when_any(Tasks);
  use(Results[Index]);
  if (Index == 0)
    use(Results[0]);
  switch (Index) {
  case 1:
    use(Results[1]);
    use(Tasks[1]);
    break;
  }
  if (Index != 2)
    co_return;
  use(Results[2]);
}

demo::task<> index_checked(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  if (Any.index != 0)
    co_return;
  record(0, Tasks[0]);
}

demo::task<> raced_again(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  (void)Any;
  co_await ranges::when_all(Tasks[0], Tasks[1]);
  auto Moved = std::move(Tasks[0]);
  (void)Moved;
}

demo::task<> value_only(ranges::list<demo::task<int>> Tasks) {
  int Winner = co_await valued::when_any(Tasks);
  record(Winner, Tasks[0]);
}
