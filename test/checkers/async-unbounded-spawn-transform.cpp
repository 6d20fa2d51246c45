// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unbounded-spawn %t

// Issue #24 shape 6: lazy tasks made one per element of a runtime range by a
// transform, with no loop written (std::transform into a back inserter,
// std::ranges::transform, a transform view, a container made from one), and
// combined all at once; helpers whose body spawns a task per element of
// their range parameter. Silent: a range of fixed size, a batch of a
// constant size, a callable that takes a semaphore's slot first.

#include <array>
#include <utility>
#include <vector>

#include "task.h"

// The parts of <iterator>, <algorithm> and <ranges> used here, declared the
// way libstdc++ declares them: ranges algorithms and adaptors are function
// objects, a view is a class template over the range and the callable.
namespace std {
template <class C> struct back_insert_iterator {
  C *Into;
};
template <class C> back_insert_iterator<C> back_inserter(C &);
template <class In, class Out, class F> Out transform(In, In, Out O, F) {
  return O;
}
struct identity {};
namespace ranges {
template <class R> struct ref_view {
  R *Base;
  auto begin() const { return Base->begin(); }
  auto end() const { return Base->end(); }
};
template <class V, class F> struct transform_view {
  V Base;
  F Fn;
  int *begin() const;
  int *end() const;
};
template <class V> struct take_view {
  V Base;
  unsigned long N;
  int *begin() const;
  int *end() const;
};
struct __transform_fn {
  template <class R, class Out, class F, class P = identity>
  Out operator()(R &&, Out O, F, P = {}) const {
    return O;
  }
};
inline constexpr __transform_fn transform{};
template <class F> struct transform_closure {
  F Fn;
};
template <class R, class F>
transform_view<ref_view<R>, F> operator|(R &Range, transform_closure<F> C) {
  return {{&Range}, C.Fn};
}
template <class V, class F>
transform_view<V, F> operator|(V &&View, transform_closure<F> C) {
  return {static_cast<V &&>(View), C.Fn};
}
struct take_closure {
  unsigned long N;
};
template <class R> take_view<ref_view<R>> operator|(R &, take_closure);
namespace views {
struct _Transform {
  template <class R, class F>
  transform_view<ref_view<R>, F> operator()(R &Range, F Fn) const {
    return {{&Range}, Fn};
  }
  template <class F> transform_closure<F> operator()(F Fn) const {
    return {Fn};
  }
};
inline constexpr _Transform transform{};
struct _Take {
  take_closure operator()(unsigned long) const;
};
inline constexpr _Take take{};
} // namespace views
} // namespace ranges
namespace views = ranges::views;
template <class T> const T &min(const T &, const T &);
} // namespace std

namespace demo {
template <class T> task<> when_all(T &&);
struct semaphore {
  task<> acquire();
};
void co_spawn(int, task<>, int);
} // namespace demo

demo::task<> handle(int);
std::vector<int> receive();

// --- std::transform and std::ranges::transform into a back inserter.

demo::task<> by_transform(const std::vector<int> &Items) {
  std::vector<demo::task<>> Tasks;
  std::transform(Items.begin(), Items.end(), std::back_inserter(Tasks),
                 [](int I) { return handle(I); });
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-5]]:18: note: the range has no static bound
}

// A received message: a local filled at run time.
demo::task<> by_ranges_transform() {
  std::vector<int> Message = receive();
  std::vector<demo::task<>> Tasks;
  std::ranges::transform(Message, std::back_inserter(Tasks), handle);
  co_await demo::when_all(std::move(Tasks));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-3]]:3: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-4]]:26: note: the range has no static bound
}

// --- A transform view: combined itself, named, or made into a vector.

demo::task<> by_view(const std::vector<int> &Items) {
  co_await demo::when_all(Items | std::views::transform(handle));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-2]]:27: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-3]]:27: note: the range has no static bound
}

demo::task<> by_named_view(std::vector<int> &Items) {
  auto Tasks = std::views::transform(Items, [](int I) { return handle(I); });
  co_await demo::when_all(Tasks);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-2]]:27: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-4]]:38: note: the range has no static bound
}

// In a member function of a class template, the view copied into a vector
// (what ranges::to or vector's iterator-pair constructor do).
template <class It> std::vector<demo::task<>> to_vector(It, It);
template <class T> struct fan {
  demo::task<> run(const std::vector<T> &Items) {
    auto View = Items | std::views::transform([](T I) { return handle(I); });
    std::vector<demo::task<>> Tasks = to_vector(View.begin(), View.end());
    co_await demo::when_all(std::move(Tasks));
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
    // CHECK-NOTES: :[[@LINE-3]]:49: note: a task is made here for every element
    // CHECK-NOTES: :[[@LINE-5]]:17: note: the range has no static bound
  }
};
template struct fan<int>;

// Through a macro it is the same combinator.
#define ALL_OF(Range, Fn) demo::when_all(Range | std::views::transform(Fn))
demo::task<> through_macro(const std::vector<int> &Items) {
  co_await ALL_OF(Items, handle);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-4]]:27: note: expanded from macro 'ALL_OF'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-4]]:19: note: the range has no static bound
}

// --- Silent twins.

// A range of fixed size.
demo::task<> fixed() {
  std::array<int, 3> Three{1, 2, 3};
  co_await demo::when_all(Three | std::views::transform(handle));
  std::vector<demo::task<>> Tasks;
  std::transform(Three.begin(), Three.end(), std::back_inserter(Tasks), handle);
  co_await demo::when_all(std::move(Tasks));
}

// A batch of a constant size.
demo::task<> batched(std::vector<int> &Items) {
  co_await demo::when_all(Items | std::views::take(16) |
                          std::views::transform(handle));
}

// Each task takes a semaphore's slot before it does anything.
demo::task<> limited(const std::vector<int> &Items, demo::semaphore &Slots) {
  co_await demo::when_all(
      Items | std::views::transform([&](int I) -> demo::task<> {
        co_await Slots.acquire();
        co_await handle(I);
      }));
}

// The transform makes no task, or is never combined.
int twice(int);
demo::task<> no_tasks(const std::vector<int> &Items) {
  std::vector<int> Doubled;
  std::transform(Items.begin(), Items.end(), std::back_inserter(Doubled),
                 twice);
  std::vector<demo::task<>> Tasks;
  std::ranges::transform(Items, std::back_inserter(Tasks), handle);
  for (demo::task<> &T : Tasks)
    co_await std::move(T);
}

// --- A helper of the project that transforms its range with its callable
// and combines the tasks: reported in its body (the range is its caller's
// input) and at each call given a runtime range.

template <class Range, class Fn> demo::task<> map_all(Range &Items, Fn F) {
  co_await demo::when_all(Items | std::views::transform(F));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'demo::when_all' runs a task per element of a range of runtime size, all at once
  // CHECK-NOTES: :[[@LINE-2]]:27: note: a task is made here for every element
  // CHECK-NOTES: :[[@LINE-3]]:27: note: the range has no static bound
}

demo::task<> mapped(std::vector<int> &Items) {
  co_await map_all(Items, [](int I) { return handle(I); });
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'map_all' starts a task for every element of a range of runtime size, all at once [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-2]]:20: note: the range has no static bound
  std::array<int, 2> Pair{1, 2};
  co_await map_all(Pair, [](int I) { return handle(I); });
}

// --- A helper of the project that spawns a task per element itself.

template <class Range, class Fn> void spawn_each(Range &Items, Fn F) {
  for (auto &Item : Items)
    demo::co_spawn(0, F(Item), 0);
  // The helper is reported in its own body too: its loop runs over its
  // caller's input.
  // CHECK-NOTES: :[[@LINE-3]]:5: warning: 'demo::co_spawn' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the loop has no static bound
}

// A helper that waits for each before the next, or spawns one per call.
template <class Range, class Fn> demo::task<> one_by_one(Range &Items, Fn F) {
  for (auto &Item : Items) {
    demo::co_spawn(0, F(Item), 0);
    co_await handle(0);
  }
}
template <class Range, class Fn> void spawn_first(Range &Items, Fn F) {
  demo::co_spawn(0, F(*Items.begin()), 0);
}

struct dispatcher {
  void on_batch(std::vector<int> &Items) {
    spawn_each(Items, [](int I) { return handle(I); });
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'spawn_each' starts a task for every element of a range of runtime size, all at once [async-unbounded-spawn]
    // CHECK-NOTES: :[[@LINE-2]]:16: note: the range has no static bound
  }
  // Silent: a fixed range, a helper that waits, one spawn per call.
  void on_pair() {
    std::array<int, 2> Pair{1, 2};
    spawn_each(Pair, [](int I) { return handle(I); });
  }
  demo::task<> on_each(std::vector<int> &Items) {
    co_await one_by_one(Items, [](int I) { return handle(I); });
    spawn_first(Items, [](int I) { return handle(I); });
  }
};
