// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=LISTED %s async-discarded-awaitable %t.listed \
// RUN:   --config="{CheckOptions: {async-discarded-awaitable.ContinuationMembers: 'acme::job::when_done'}}"

// A call that attaches a continuation to a task (`src.then(callback)`)
// returns a task whose only work is to await the source and hand its result
// to the callable: the callable observes the result, so dropping that task
// registers the callback and loses nothing, unless the source can throw and
// no error callable is given (the exception is rethrown into the dropped
// task). Found by structure: the callee, or the coroutine it forwards the
// callable to, awaits and then calls it; or a member listed in
// ContinuationMembers (the LISTED run names a member whose body is not here).
// Reported: dropped plain work, a throwing source without an error callable,
// a "then" that never calls its callable, a lazy continuation.

#include <coroutine>
#include <exception>
#include <utility>

namespace acme {

struct loop {
  void post(std::coroutine_handle<>);
  void quit();
};
struct tick {
  loop &l;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) { l.post(h); }
  void await_resume() const noexcept {}
};

template <bool Eager, typename T> struct job;

template <bool Eager, typename T> struct job_promise {
  T value{};
  job<Eager, T> get_return_object();
  auto initial_suspend() noexcept {
    if constexpr (Eager)
      return std::suspend_never{};
    else
      return std::suspend_always{};
  }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
  void return_value(T v) { value = v; }
};

template <bool Eager, typename T> struct job {
  using promise_type = job_promise<Eager, T>;
  std::coroutine_handle<promise_type> h;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() { return h.promise().value; }
  template <typename F> auto then(F &&f);
  template <typename F, typename E> auto then(F &&f, E &&on_error);
  template <typename F> job<Eager, int> then_ignoring(F &&f);
  template <typename F> job<Eager, int> when_done(F f);
};

template <bool Eager, typename T>
job<Eager, T> job_promise<Eager, T>::get_return_object() {
  return {std::coroutine_handle<job_promise>::from_promise(*this)};
}

template <bool Eager, typename T, typename F>
job<Eager, int> continue_with(job<Eager, T> &src, F &&f) {
  auto cb = std::forward<F>(f); // kept in the frame before suspending
  cb(co_await src);
  co_return 0;
}
template <bool Eager, typename T, typename F, typename E>
job<Eager, int> continue_or_fail(job<Eager, T> &src, F f, E on_error) {
  try {
    f(co_await src);
  } catch (...) {
    on_error(std::current_exception());
  }
  co_return 0;
}

template <bool Eager, typename T>
template <typename F>
auto job<Eager, T>::then(F &&f) {
  return continue_with(*this, std::forward<F>(f));
}
template <bool Eager, typename T>
template <typename F, typename E>
auto job<Eager, T>::then(F &&f, E &&on_error) {
  return continue_or_fail(*this, std::forward<F>(f),
                          std::forward<E>(on_error));
}
// Awaits the source, never calls the callable.
template <bool Eager, typename T>
template <typename F>
job<Eager, int> job<Eager, T>::then_ignoring(F &&) {
  co_await *this;
  co_return 0;
}

} // namespace acme

using task = acme::job<true, int>;
using lazy = acme::job<false, int>;

task count(acme::loop &l) {
  co_await acme::tick{l};
  co_return 3;
}
task may_fail(acme::loop &l) {
  co_await acme::tick{l};
  throw 42;
}
lazy lazy_count() { co_return 3; }
void on_value(int);

// A helper that only returns the continuation it attaches.
task watch(acme::loop &l) {
  return count(l).then([&l](int) { l.quit(); });
}

#define ON_DONE(T, F) (T).then(F)

void callbacks(acme::loop &l) {
  bool seen = false;
  count(l).then([&](int n) { seen = n == 3; });
  auto src = count(l);
  src.then([&](int n) { seen = n == 3; l.quit(); });
  src.then(on_value);
  ON_DONE(count(l), [&](int) { l.quit(); });
  watch(l);
  auto later = [&] { count(l).then([&](int) { l.quit(); }); };
  later();
  // An error callable takes the source's exception.
  may_fail(l).then([](int) {}, [](std::exception_ptr) {});

  // True twins.
  count(l);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'count' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: task returned by 'count' is discarded
  may_fail(l).then([](int) {});
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'acme::job::then' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: note: the callable given to 'acme::job::then' receives the result, but with no error callable an exception of the task it continues is rethrown into the discarded task
  // CHECK-MESSAGES-DEFAULT: :112:3: note: an exception is thrown here
  // CHECK-MESSAGES-LISTED: :[[@LINE-4]]:3: warning: task returned by 'acme::job::then' is discarded
  count(l).then_ignoring([&](int) { l.quit(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'acme::job::then_ignoring' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: task returned by 'acme::job::then_ignoring' is discarded
  lazy_count().then([&](int) { l.quit(); });
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'acme::job::then' is discarded and never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: task returned by 'acme::job::then' is discarded and never runs
  // Declared only: a continuation only when listed.
  count(l).when_done(on_value);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: task returned by 'acme::job::when_done' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
}
