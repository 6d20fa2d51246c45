// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unbounded-spawn %t

// Loops that add no work beyond what exists or what the program fixes
// (issue #23, the kelcoro holdout): a range of integer constants written
// with std::views::iota; a call that returns a reference to a task made
// earlier; a task joined in the full expression that makes it; a range-based
// for over a member only the constructors size; a combinator starting one
// job per task its caller handed it. Each with the twin that must still be
// reported.

#include <atomic>
#include <utility>
#include <vector>

#include "task.h"

// The parts of <ranges> used here, declared the way libstdc++ declares
// them: views::iota is a function object, and iota with one argument has no
// end (its bound is std::unreachable_sentinel_t).
namespace std {
struct unreachable_sentinel_t {};
namespace ranges {
template <class W, class B = unreachable_sentinel_t> struct iota_view {
  W From;
  B To;
  constexpr explicit iota_view(W F) : From(F), To() {}
  constexpr iota_view(W F, B T) : From(F), To(T) {}
  const W *begin() const;
  const W *end() const;
};
template <class W, class B> iota_view(W, B) -> iota_view<W, B>;
namespace views {
struct _Iota {
  template <class W> iota_view<W> operator()(W F) const {
    return iota_view<W>(F);
  }
  template <class W, class B> iota_view<W, B> operator()(W F, B T) const {
    return iota_view<W, B>(F, T);
  }
};
inline constexpr _Iota iota{};
} // namespace views
} // namespace ranges
namespace views = ranges::views;
} // namespace std

demo::fire_and_forget notify(int);

// --- Fact C: std::views::iota with constant bounds is a range of fixed size.

void subscribe_ten() {
  for (int I : std::views::iota(0, 10))
    notify(I);
  for (int I : std::ranges::iota_view(0, 4))
    notify(I);
}

template <int N> void subscribe_fixed() {
  for (int I : std::views::iota(0, N))
    notify(I);
}
template void subscribe_fixed<8>();

#define TIMES(N) std::views::iota(0, N)
void subscribe_macro() {
  for (int I : TIMES(16))
    notify(I);
}

void subscribe_lambda() {
  auto Start = [] {
    for (int I : std::views::iota(0, 3))
      notify(I);
  };
  Start();
}

// As many as the caller asks: input.
void subscribe_n(int N) {
  for (int I : std::views::iota(0, N))
    notify(I);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'notify' starts a task on every iteration of an unbounded loop that waits for none of them [async-unbounded-spawn]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound, and some path through it comes back to the spawn without suspending
}

// iota with only a start never ends.
void subscribe_forever() {
  for (int I : std::views::iota(0))
    notify(I);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'notify' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
}

template <class T> void subscribe_up_to(T N) {
  for (T I : std::views::iota(T(0), N))
    notify(I);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'notify' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
}
template void subscribe_up_to<int>(int);

void subscribe_lambda_n() {
  auto Start = [](int N) {
    for (int I : TIMES(N))
      notify(I);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'notify' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the loop has no static bound
  };
  Start(5);
}

// --- Facts D and E: an eager task read by a blocking get(), not awaitable.
// get() and wait() wait on the task's own state (its promise sets Ready when
// the coroutine ends): the visible bodies show them to be joins.

struct result_task {
  struct promise_type {
    result_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int) {}
    void unhandled_exception() {}
  };
  std::atomic<bool> *Ready;
  int get() && {
    wait();
    return 0;
  }
  void wait() const { Ready->wait(false); }
  bool wait_for(int) const;
  int peek() const;
};
result_task compute(int);
void watch(result_task &&);
void keep(result_task);
std::vector<result_task> Backlog;

// Fact D: std::move (a call that returns a reference) names a task made
// earlier; it starts nothing.
void watch_backlog() {
  for (result_task &R : Backlog)
    watch(std::move(R));
}

#define TAKE(X) std::move(X)
void watch_backlog_macro() {
  for (result_task &R : Backlog)
    watch(TAKE(R));
}

template <class T> void watch_all(std::vector<T> &Into) {
  for (T &R : Backlog)
    Into.push_back(std::move(R));
}
template void watch_all<result_task>(std::vector<result_task> &);

void watch_backlog_lambda() {
  auto Watch = [] {
    for (result_task &R : Backlog)
      watch(std::move(R));
  };
  Watch();
}

// A task made by value on every item: a spawn.
void keep_all(const std::vector<int> &Input) {
  for (int X : Input)
    keep(compute(X));
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'compute' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
}

// Fact E: a task joined by get() or wait() in the full expression that makes
// it is over before the next one starts.
int total(const std::vector<int> &Input) {
  int Sum = 0;
  for (int X : Input)
    Sum += compute(X).get();
  for (int X : Input)
    compute(X).wait();
  return Sum;
}

#define RUN(X) compute(X).get()
int total_macro(const std::vector<int> &Input) {
  int Sum = 0;
  for (int X : Input)
    Sum += RUN(X);
  return Sum;
}

template <class T> int total_template(const std::vector<T> &Input) {
  int Sum = 0;
  for (const T &X : Input)
    Sum += compute(X).get();
  return Sum;
}
template int total_template<int>(const std::vector<int> &);

int total_lambda(const std::vector<int> &Input) {
  auto Sum = [&Input] {
    int Total = 0;
    for (int X : Input)
      Total += compute(X).get();
    return Total;
  };
  return Sum();
}

// A member that does not wait, and a wait with a time limit, leave the task
// running.
int peek_all(const std::vector<int> &Input) {
  int Sum = 0;
  for (int X : Input)
    Sum += compute(X).peek();
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'compute' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
  for (int X : Input)
    (void)compute(X).wait_for(10);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'compute' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
  return Sum;
}

// --- Fact B: a range-based for over a member that only the constructors
// size runs once per element of a count fixed when the object was made.

struct queue {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
demo::fire_and_forget stop_one(queue &);

struct pool {
  std::vector<queue> Queues;
  explicit pool(unsigned long N) : Queues(N) {}
  void request_stop() {
    for (queue &Q : Queues)
      stop_one(Q);
  }
  void request_stop_later() {
    auto Stop = [this] {
      for (queue &Q : Queues)
        stop_one(Q);
    };
    Stop();
  }
};

#define EACH(Q, Of) for (queue & Q : Of)
template <class Q> struct typed_pool {
  std::vector<Q> Queues;
  explicit typed_pool(unsigned long N) : Queues(N) {}
  void request_stop() {
    EACH(Each, Queues)
    stop_one(Each);
  }
};
template struct typed_pool<queue>;

// A member that add() grows at run time.
struct registry {
  std::vector<queue> Queues;
  void add() { Queues.emplace_back(); }
  void request_stop() {
    for (queue &Q : Queues)
      stop_one(Q);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'stop_one' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-3]]:5: note: the loop has no static bound
  }
};

// --- Fact A: a combinator given tasks its caller made starts one job per
// task: no fan-out beyond what exists.

demo::task<int> make(int);
demo::fire_and_forget finish_one(demo::task<int> &, int &Left);
demo::fire_and_forget finish_moved(demo::task<int>, int &Left);

void join_all(std::vector<demo::task<int>> Tasks) {
  int Left = int(Tasks.size());
  for (demo::task<int> &T : Tasks)
    finish_one(T, Left);
  for (unsigned long I = 0; I < Tasks.size(); ++I)
    finish_one(Tasks[I], Left);
  for (auto &T : Tasks)
    finish_moved(std::move(T), Left);
}

template <class Task> void join_all_template(std::vector<Task> &Tasks) {
  int Left = 0;
  for (Task &T : Tasks)
    finish_one(T, Left);
}
template void join_all_template(std::vector<demo::task<int>> &);

#define START(T) finish_one(T, Left)
void join_all_lambda(std::vector<demo::task<int>> Tasks) {
  int Left = 0;
  auto Start = [&] {
    for (auto &T : Tasks)
      START(T);
  };
  Start();
}

// A new task per request of the input: the storm is here.
void storm(const std::vector<int> &Requests) {
  std::vector<demo::task<int>> Tasks;
  int Left = 0;
  for (int R : Requests) {
    Tasks.push_back(make(R));
    finish_one(Tasks[Tasks.size() - 1], Left);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'finish_one' starts a task on every iteration
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the loop has no static bound
  }
}

// The caller's tasks walked, but every job given something else.
void join_other(std::vector<demo::task<int>> Tasks, demo::task<int> &Other) {
  int Left = 0;
  for (auto &T : Tasks)
    finish_one(Other, Left), (void)T;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'finish_one' starts a task on every iteration
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop has no static bound
}
