// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-discarded-awaitable %t

// Values that hold a result rather than work still to start: an awaitable
// that no coroutine returns (a JavaScript-like promise on a shared state,
// settled by fulfill() and read by get(), then() or co_await) and an eager
// task (its coroutine runs at once; the future of a lock's units). Any use
// reads or hands on the result, not only co_await; a local that nothing uses
// at all loses it. A lazy task is work: observing it does not run it.

#include <coroutine>
#include <utility>

namespace corp {
// A handle on a shared result: no promise_type, no body behind it.
template <class T> class promise {
public:
  void fulfill(T);
  bool is_pending() const noexcept;
  bool is_fulfilled() const noexcept;
  T &get() const;
  const T *try_get() const;
  template <class F> void then(F &&f) const { (void)f; }
  static promise make_fulfilled(T);
  struct awaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    T await_resume() const;
  };
  awaiter operator co_await() const noexcept;
};
template <class T> promise<T> promise_first(promise<T> &, promise<T> &);
void keep(const promise<int> &);

// An eager future, awaitable, as Seastar's: its coroutine runs at once.
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
  T await_resume() const;
  bool available() const noexcept;
  T get();
};
struct units {
  ~units();
};
class mutex {
public:
  future<units> get_units();
};
future<units> get_units(mutex &, int);
future<> persist();
void hand_on(future<units> &&);
template <class F> void keep_callable(F &f) { (void)f; }

// A lazy task.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  bool valid() const noexcept;
};
task compute();
} // namespace corp

// --- Silent: the result is read or handed on. ---

int read_by_get() {
  auto p = corp::promise<int>::make_fulfilled(42);
  return p.is_fulfilled() ? p.get() : 0;
}
bool read_by_state() {
  auto p = corp::promise<int>::make_fulfilled(1);
  return p.is_pending();
}
void read_by_then() {
  auto p = corp::promise<int>::make_fulfilled(1);
  p.then([](int) {});
}
int read_by_try_get(corp::promise<int> &a, corp::promise<int> &b) {
  auto first = corp::promise_first(a, b);
  a.fulfill(1);
  const int *v = first.try_get();
  return v ? *v : 0;
}
void passed_on() {
  auto p = corp::promise<int>::make_fulfilled(1);
  corp::keep(p);
}
// Read on the path that continues; the early return wants no result.
int read_after_early_return(bool stop) {
  auto p = corp::promise<int>::make_fulfilled(1);
  if (stop)
    return 0;
  return p.get();
}
corp::promise<int> start_fetch(int);
template <class T> corp::promise<T> start_fetch_t();
// A loop that leaves (break) or skips (continue) before the read.
int read_unless_leaving(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    auto p = start_fetch(i);
    if (i == 7)
      break;
    if (i % 2)
      continue;
    sum += p.get();
  }
  return sum;
}
#define READ_OR_RETURN(p, stop) if (stop) return 0; return (p).get()
int read_in_macro(bool stop) {
  auto p = start_fetch(1);
  READ_OR_RETURN(p, stop);
}
corp::future<> units_awaited(corp::mutex &m) {
  auto u = co_await m.get_units();
  co_await corp::persist();
}
corp::future<> units_kept_then_awaited(corp::mutex &m) {
  auto f = m.get_units();
  auto u = co_await std::move(f);
  co_await corp::persist();
}
void units_handed_on(corp::mutex &m) {
  auto f = m.get_units();
  corp::hand_on(std::move(f));
}
bool units_tested(corp::mutex &m) {
  auto f = m.get_units();
  return f.available();
}
corp::future<> units_awaited_on_one_path(corp::mutex &m, bool skip) {
  auto f = corp::get_units(m, 1);
  if (skip)
    co_return;
  auto u = co_await std::move(f);
}
void units_voided(corp::mutex &m) {
  auto f = m.get_units();
  (void)f;
}

// --- Reported: nothing uses the result. ---

class aggregator {
public:
  corp::future<> close_window() {
    auto u = m_.get_units();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'u' is never awaited; its result and any failure are lost [async-discarded-awaitable]
    co_await corp::persist();
  }

private:
  corp::mutex m_;
};

corp::future<> free_get_units(corp::mutex &m) {
  auto u = corp::get_units(m, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'u' is never awaited; its result and any failure are lost [async-discarded-awaitable]
  co_await corp::persist();
}

// Outside a coroutine too: the future's failure is lost.
void plain_function(corp::mutex &m) {
  auto u = m.get_units();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'u' is never awaited; its result and any failure are lost [async-discarded-awaitable]
}

template <class M> corp::future<> in_template(M &m) {
  auto u = m.get_units();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'u' is never awaited; its result and any failure are lost [async-discarded-awaitable]
  co_await corp::persist();
}
template corp::future<> in_template(corp::mutex &);

#define TAKE_UNITS(m) auto held = (m).get_units()
corp::future<> in_macro(corp::mutex &m) {
  TAKE_UNITS(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task 'held' is never awaited; its result and any failure are lost [async-discarded-awaitable]
  co_await corp::persist();
}

void in_lambda(corp::mutex &m) {
  auto run = [&m]() -> corp::future<> {
    auto u = m.get_units();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task 'u' is never awaited; its result and any failure are lost [async-discarded-awaitable]
    co_await corp::persist();
  };
  corp::keep_callable(run);
}

// Overwritten before anything used it: the first future is lost.
corp::future<> overwritten(corp::mutex &m) {
  auto f = m.get_units();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'f' is not awaited on every path; where it is dropped its result and any failure are lost [async-discarded-awaitable]
  f = corp::get_units(m, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'f' is overwritten here without having been awaited
  auto u = co_await std::move(f);
}

// Read on some paths only, and forgotten where the others run on: the
// loop body's end (a result handle awaited every few rounds), a branch.
corp::future<> awaited_some_rounds(int n) {
  for (int i = 0; i < n; ++i) {
    auto p = start_fetch(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: awaitable 'p' is not awaited on every path [async-discarded-awaitable]
    if (i % 10 != 0)
      co_await p;
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'p' goes out of scope here without having been awaited
}
template <class T> int read_if(bool want) {
  int v = 0;
  {
    auto p = start_fetch_t<T>();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: awaitable 'p' is not awaited on every path [async-discarded-awaitable]
    if (want)
      v = p.get();
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'p' goes out of scope here without having been awaited
  return v;
}
int read_if_int(bool want) { return read_if<int>(want); }

int promise_unused() {
  auto p = corp::promise<int>::make_fulfilled(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: awaitable 'p' is never awaited [async-discarded-awaitable]
  return 0;
}

// A lazy task is work: observing it does not run it.
bool lazy_observed() {
  auto t = corp::compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 't' is never awaited; it is destroyed without running [async-discarded-awaitable]
  return t.valid();
}
