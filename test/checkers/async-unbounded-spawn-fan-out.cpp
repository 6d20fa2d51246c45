// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unbounded-spawn %t

// Tasks started all at once over a range of runtime size: collected in a
// loop and combined, or started by a parallel_for_each.

#include <array>
#include <utility>
#include <vector>

#include "concurrencpp/concurrencpp.h"
#include "task.h"

namespace std {
template <class E> class initializer_list {
  const E *First;
  unsigned long Size;

public:
  const E *begin() const;
  const E *end() const;
};
template <class T> class list {
public:
  void push_back(T &&);
  T *begin();
  T *end();
};
} // namespace std

namespace demo {
template <class T> task<> when_all(T &&);
template <class It> task<> when_all(It, It);
struct semaphore {
  task<> acquire();
};
} // namespace demo

// A Seastar-like library: eager futures, a listed parallel_for_each and its
// awaitable coroutine form, a bounded one, and a sequential one.
namespace seastar {
template <class T = void> struct future {
  struct promise_type {
    future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
template <class Range, class Func>
future<> parallel_for_each(Range &&, Func &&) {
  return {};
}
template <class Range, class Func>
future<> max_concurrent_for_each(Range &&, unsigned long, Func &&) {
  return {};
}
template <class Range, class Func> future<> do_for_each(Range &&, Func &&) {
  return {};
}
namespace coroutine {
template <class Range, class Func> struct parallel_for_each {
  parallel_for_each(Range &&, Func &&) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
template <class Range, class Func>
parallel_for_each(Range &&, Func &&) -> parallel_for_each<Range, Func>;
} // namespace coroutine
struct irange {
  irange(unsigned, unsigned);
  unsigned *begin();
  unsigned *end();
};
extern unsigned shard_count;
} // namespace seastar

demo::task<> handle(int);
seastar::future<> process(int);

// --- Fan-out through a container: iterators, subscripts, another container.

demo::task<> by_iterators(const std::vector<int> &Items) {
  std::list<demo::task<>> Tasks;
  for (int Item : Items)
    Tasks.push_back(handle(Item));
  co_await demo::when_all(Tasks.begin(), Tasks.end());
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once, one per iteration of an unbounded loop [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

demo::task<> by_subscript(std::vector<demo::task<>> &Out, int N) {
  std::vector<demo::task<>> Tasks;
  for (int I = 0; I < N; ++I)
    Tasks[I] = handle(I);
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once
  // CHECK-NOTES: :[[@LINE-3]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

// Batches: combined inside the loop that fills the container, and what
// remains after it. Silent.
demo::task<> batches(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  for (int Item : Items) {
    Tasks.push_back(handle(Item));
    if (Tasks.size() >= 16)
      co_await demo::when_all(std::move(Tasks));
  }
  co_await demo::when_all(std::move(Tasks));
}

// Eager results (concurrencpp's test of when_all over a vector): each runs
// from the moment it is made, and combining them starts nothing. Silent.
namespace concurrencpp {
template <class T> struct result_promise {
  result<T> get_result();
};
template <class Executor, class It>
lazy_result<void> when_all(Executor &, It, It);
} // namespace concurrencpp
void eager_results(std::vector<concurrencpp::result_promise<int>> &Promises,
                   int &Executor) {
  std::vector<concurrencpp::result<int>> Results;
  for (auto &Promise : Promises)
    Results.emplace_back(Promise.get_result());
  auto All = concurrencpp::when_all(Executor, Results.begin(), Results.end());
}

// A result whose coroutines are eager, or first rescheduled on an executor
// when given one (concurrencpp's result: the traits choose the promise by the
// parameters too). Not lazy for every coroutine: silent.
namespace resched {
struct executor_tag {};
struct rescheduling_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
template <class T> struct result {
  struct promise_type {
    result get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
template <class T> struct rescheduled_promise {
  result<T> get_return_object() { return {}; }
  rescheduling_awaiter initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void return_value(T) {}
  void unhandled_exception() {}
};
template <class T> result<T> when_all(std::vector<result<T>> &);
} // namespace resched
template <class T, class... Args>
struct std::coroutine_traits<resched::result<T>, resched::executor_tag,
                             Args...> {
  using promise_type = resched::rescheduled_promise<T>;
};
resched::result<int> on_executor(resched::executor_tag, int) { co_return 1; }
resched::result<int> from_promise(int);
resched::result<int> rescheduled(const std::vector<int> &Items) {
  std::vector<resched::result<int>> Results;
  for (int Item : Items)
    Results.push_back(from_promise(Item));
  co_return co_await resched::when_all(Results);
}

// --- parallel_for_each, listed: over a runtime range, all at once.

seastar::future<> listed(const std::vector<int> &Items) {
  co_await seastar::parallel_for_each(Items, [](int Item) { return process(Item); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'seastar::parallel_for_each' starts a task for every element of a range of runtime size, all at once [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:39: note: the range has no static bound
  co_await seastar::coroutine::parallel_for_each(
      Items, [](int Item) -> seastar::future<> { co_await process(Item); });
  // CHECK-NOTES: :[[@LINE-2]]:12: warning: 'seastar::coroutine::parallel_for_each' starts a task for every element
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the range has no static bound
}

// Returned rather than awaited: an eager future starts them anyway.
seastar::future<> returned(std::vector<int> &Items) {
  return seastar::parallel_for_each(Items, [](auto &Item) { return process(Item); });
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'seastar::parallel_for_each' starts a task for every element
  // CHECK-NOTES: :[[@LINE-2]]:37: note: the range has no static bound
}

// Silent: a limit, a sequential loop, a range of fixed size, a callable
// that returns no task.
seastar::future<> silent(const std::vector<int> &Items) {
  co_await seastar::max_concurrent_for_each(Items, 16, [](int Item) { return process(Item); });
  co_await seastar::do_for_each(Items, [](int Item) { return process(Item); });
  std::array<int, 3> Fixed{1, 2, 3};
  co_await seastar::parallel_for_each(Fixed, [](int Item) { return process(Item); });
  int Raw[] = {1, 2};
  co_await seastar::parallel_for_each(Raw, [](int Item) { return process(Item); });
  co_await seastar::parallel_for_each(std::initializer_list<int>{1, 2},
                                      [](int Item) { return process(Item); });
  co_await seastar::parallel_for_each(seastar::irange(0, 4), [](unsigned I) { return process(I); });
  co_await seastar::parallel_for_each(seastar::irange(0, seastar::shard_count),
                                      [](unsigned I) { return process(I); });
  co_await seastar::parallel_for_each(Items, [](int) {});
  auto Generic = [](auto) {};
  Generic(1);
  co_await seastar::parallel_for_each(Items, Generic);
}

// --- A helper of the project's own, recognised by what its body does.

template <class Range, class Func>
demo::task<> for_all(Range &&Items, Func &&Fn) {
  std::vector<demo::task<>> Tasks;
  for (auto &Item : Items)
    Tasks.push_back(Fn(Item));
  co_await demo::when_all(std::move(Tasks));
  // The helper itself is reported too: its loop runs over its caller's input.
  // CHECK-NOTES: :[[@LINE-2]]:12: warning: 'demo::when_all' runs every task in 'Tasks' at once
  // CHECK-NOTES: :[[@LINE-4]]:5: note: a task is added here on every iteration
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the loop has no static bound
}

template <class Range, class Func>
demo::task<> one_by_one(Range &&Items, Func &&Fn) {
  for (auto &Item : Items)
    co_await Fn(Item);
}

template <class Range, class Func>
demo::task<> windowed(Range &&Items, unsigned long Window, Func &&Fn) {
  co_return;
}

demo::task<> helpers(std::vector<int> &Items) {
  co_await for_all(Items, [](int Item) { return handle(Item); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'for_all' starts a task for every element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-2]]:20: note: the range has no static bound
  co_await one_by_one(Items, [](int Item) { return handle(Item); });
  co_await windowed(Items, 8, [](int Item) { return handle(Item); });
  std::array<int, 2> Pair{1, 2};
  co_await for_all(Pair, [](int Item) { return handle(Item); });
  // Dropped, the lazy task never starts anything (async-discarded-awaitable
  // reports it).
  for_all(Items, [](int Item) { return handle(Item); });
}

// Through a macro it is the same call.
#define EACH(Range, Fn) seastar::parallel_for_each(Range, Fn)
seastar::future<> through_macro(const std::vector<int> &Items) {
  co_await EACH(Items, [](int Item) { return process(Item); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'seastar::parallel_for_each' starts a task for every element
  // CHECK-NOTES: :[[@LINE-4]]:25: note: expanded from macro 'EACH'
  // CHECK-NOTES: :[[@LINE-3]]:17: note: the range has no static bound
}
