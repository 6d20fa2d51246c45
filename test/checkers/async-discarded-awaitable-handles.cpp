// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-discarded-awaitable %t

// Handles that hold no coroutine, and objects that can be awaited but are
// not work: nothing is lost when they are dropped. Each silent case has a
// twin that still loses a task.

#include <utility>

#include "concurrencpp/concurrencpp.h"
#include "task.h"

demo::task<int> make(int);
template <class T> T sync_wait(demo::task<T> &);
void use(demo::task<int> &);

// An awaitable event: shared between tasks, set by one and awaited by another.
struct event {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
  void set();
};
event make_event();

// --- Silent. ---

int assigned_later() {
  demo::task<int> t; // holds no coroutine yet
  {
    int a = 1;
    t = make(a);
  }
  return sync_wait(t);
}

demo::task<int> never_given_a_coroutine() {
  demo::task<int> unused;
  demo::task<int> braces{};
  co_return co_await make(1);
}

void empty_moved_into_empty() {
  demo::task<int> a, b;
  a = std::move(b);
}

void full_moved_then_used() {
  demo::task<int> a, b = make(2);
  a = std::move(b);
  use(a);
}

demo::task<> events() {
  event done; // an object to share, not work
  done.set();
  co_return;
}

// --- Reported: a coroutine is lost. "Not awaited on every path" only where
// some path uses it; "never awaited" where none does. ---

demo::task<int> awaited_on_one_path(bool b) {
  demo::task<int> t = make(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (b)
    co_return co_await t;
  co_return 0;
}

void assigned_then_dropped() {
  demo::task<int> t;
  t = make(3);
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: task 't' is never awaited; it is destroyed without running [async-discarded-awaitable]
}

void overwritten_full() {
  demo::task<int> t = make(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  t = make(5);
  use(t);
}

void full_moved_into_dropped() {
  demo::task<int> a, b = make(6);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 'a' is never awaited; it is destroyed without running [async-discarded-awaitable]
  a = std::move(b);
}

demo::task<> awaitable_from_call() {
  event e = make_event();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: awaitable 'e' is never awaited [async-discarded-awaitable]
  co_return;
}

// Observing a handle (a const member that does not answer a task) does not
// run it.
concurrencpp::lazy_result<int> later();
void observed_only() {
  concurrencpp::lazy_result<int> t = later();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: task 't' is never awaited; it is destroyed without running [async-discarded-awaitable]
  if (!static_cast<bool>(t))
    return;
}
demo::task<int> observed_then_awaited() {
  concurrencpp::lazy_result<int> t = later();
  if (!static_cast<bool>(t))
    co_return 0;
  co_return co_await t;
}

// A task that has run (the value of an awaited resolve()) holds nothing to
// run; moving a handle into itself changes nothing.
demo::task<int> resolved_is_done() {
  concurrencpp::lazy_result<int> t = later();
  const auto done = co_await t.resolve();
  co_return static_cast<bool>(done) ? 1 : 0;
}
demo::task<int> self_move() {
  concurrencpp::lazy_result<int> t = later();
  t = std::move(t);
  co_return co_await t;
}

// --- A loop whose first test is true runs its body: a task used in that
// body is used on every path (asio's experimental coro tests drive a
// generator this way: for (int i = 0; i < 10; i++) co_await
// gi.async_resume(...)). The path that skips the loop cannot happen.

void check(bool);

demo::task<> used_in_counted_loop() {
  demo::task<int> t = make(8);
  try {
    for (int i = 0; i < 3; i++) {
      check(i >= 0);
      use(t);
    }
  } catch (...) {
  }
  co_return;
}

demo::task<> used_in_endless_loop() {
  demo::task<int> t = make(9);
  for (;;) {
    co_await t;
    break;
  }
}

demo::task<> used_in_do_loop(int n) {
  demo::task<int> t = make(10);
  do {
    use(t);
  } while (--n > 0);
  co_return;
}

// Twins: a loop that may not run (its bound is not known on entry, or is
// false at once), a use under a branch of the body, or a break before it.

demo::task<> used_in_loop_of_unknown_count(int n) {
  demo::task<int> t = make(11);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  for (int i = 0; i < n; i++)
    use(t);
  co_return;
}

demo::task<> used_in_loop_that_never_runs() {
  demo::task<int> t = make(12);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  for (int i = 5; i < 3; i++)
    use(t);
  co_return;
}

demo::task<> used_under_branch_in_loop(bool b) {
  demo::task<int> t = make(13);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  for (int i = 0; i < 3; i++) {
    if (b)
      use(t);
  }
  co_return;
}

demo::task<> break_before_use_in_loop(bool b) {
  demo::task<int> t = make(14);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: task 't' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  for (int i = 0; i < 3; i++) {
    if (b)
      break;
    use(t);
  }
  co_return;
}

// --- A concurrencpp coroutine that takes executor_tag is posted to its
// executor when called: it runs without being awaited (it is not lazy), and
// a result of it that nothing uses loses only its value and any failure. Its
// twin, a lazy_result, never runs when dropped.

concurrencpp::result<int> on_executor(concurrencpp::executor_tag,
                                      concurrencpp::executor *, int x) {
  co_return x;
}
concurrencpp::lazy_result<int> lazily(int x) { co_return x; }

void scheduled_and_dropped(concurrencpp::executor *ex) {
  auto r = on_executor({}, ex, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'r' is never awaited; its result and any failure are lost [async-discarded-awaitable]
  // LSP-MISSING: [[@LINE-2]] clangd's preamble skips the header's initial awaiter, so whether 'result' is eager is hidden
}
bool scheduled_and_tested(concurrencpp::executor *ex) {
  auto r = on_executor({}, ex, 1);
  return static_cast<bool>(r);
}

void lazy_and_dropped() {
  auto l = lazily(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'l' is never awaited; it is destroyed without running [async-discarded-awaitable]
}
