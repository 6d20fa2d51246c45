// RUN: %check_async_lint %s async-busy-loop %t

// Loops in coroutines that can repeat without suspending: spins, endless
// loops, and loops whose only awaits cannot suspend after the first time.

#include "asio.hpp"
#include "generator.h"
#include "task.h"
#include <atomic>
#include <thread>

// An eager task: it runs when created, so once awaited it is ready.
struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
eager start_eager();
demo::task<> child();
demo::task<> yield_now();

std::atomic<bool> ready;
std::atomic<int> mode;

// --- Spins: what the loop waits on changes only elsewhere.

demo::task<> spin_on_flag() {
  while (!ready.load()) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins, no other task on this executor runs [async-busy-loop]
  // CHECK-NOTES: :[[@LINE-3]]:10: note: this condition depends only on state the loop does not change
  co_return;
}

struct limiter {
  int pending = 0;
  int limit = 8;
  demo::task<> acquire() {
    while (pending > limit) {
      std::this_thread::yield();
    }
    // CHECK-NOTES: :[[@LINE-3]]:5: warning: loop never suspends: while it spins, no other task on this executor runs
    // CHECK-NOTES: :[[@LINE-4]]:12: note: this condition depends only on state the loop does not change
    ++pending;
    co_return;
  }
};

demo::task<> spin_with_break() {
  for (;;) {
    if (ready.load())
      break;
  }
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:9: note: this condition depends only on state the loop does not change
  co_return;
}

demo::task<> spin_do_while() {
  int tries = 0;
  do {
    ++tries;
  } while (!ready.load());
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-2]]:12: note: this condition depends only on state the loop does not change
  co_return;
}

demo::task<> spin_copy_of_flag() {
  for (;;) {
    bool now = ready.load();
    if (now)
      co_return;
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:9: note: this condition depends only on state the loop does not change
}

// As in libcoro's test_shared_mutex: a flag declared in the loop, computed
// afresh each iteration from state that only other tasks change.
struct handle {
  bool is_ready() const;
};
struct handles {
  const handle *begin() const;
  const handle *end() const;
  void pop_back();
};
demo::task<> spin_on_fresh_flag(handles &tasks) {
  while (true) {
    bool remaining = false;
    for (const auto &t : tasks) {
      if (!t.is_ready()) {
        remaining = true;
        break;
      }
    }
    if (!remaining)
      break;
  }
  // CHECK-NOTES: :[[@LINE-11]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:9: note: this condition depends only on state the loop does not change
  co_return;
}

// Its twin that drops what it has waited for: bounded by the data.
demo::task<> drains_fresh_flag(handles &tasks) {
  while (true) {
    bool remaining = false;
    for (const auto &t : tasks)
      if (!t.is_ready())
        remaining = true;
    if (!remaining)
      break;
    tasks.pop_back();
  }
  co_return;
}

demo::task<> spin_in_switch() {
  for (;;) {
    switch (mode.load()) {
    case 0:
      continue;
    default:
      co_return;
    }
  }
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-8]]:13: note: this condition depends only on state the loop does not change
}

demo::task<> spin_goto_out() {
  while (true) {
    if (ready.load())
      goto done;
  }
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:9: note: this condition depends only on state the loop does not change
done:
  co_return;
}

demo::task<> spin_in_try() {
  while (!ready.load()) {
    try {
      std::this_thread::yield();
    } catch (...) {
    }
  }
  // CHECK-NOTES: :[[@LINE-6]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-7]]:10: note: this condition depends only on state the loop does not change
  co_return;
}

// --- Endless: no way out at all.

demo::task<> endless(int &work) {
  while (true) {
    ++work;
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it runs, no other task on this executor runs
  co_return;
}

demo::task<> endless_switch(int state) {
  for (;;) {
    switch (state) {
    case 1:
      break; // Leaves the switch, not the loop.
    default:
      break;
    }
  }
  // CHECK-NOTES: :[[@LINE-8]]:3: warning: loop never suspends: while it runs
  co_return;
}

// --- Awaits that do not suspend.

asio::awaitable<void> executor_only() {
  while (!ready.load()) {
    auto ex = co_await asio::this_coro::executor;
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:10: note: this condition depends only on state the loop does not change
}

demo::task<> eager_from_outside() {
  eager op = start_eager();
  while (!ready.load()) {
    co_await op;
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop suspends at most on its first iteration: while it spins, no other task on this executor runs
  // CHECK-NOTES: :[[@LINE-4]]:10: note: this condition depends only on state the loop does not change
}

// --- A yield just after the loop (a brace closed it too early).

demo::task<> misplaced_yield() {
  while (!ready.load()) {
  }
  co_await yield_now();
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:10: note: this condition depends only on state the loop does not change
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop's only yield is after it
}

// --- Macros, templates, lambdas, nested loops.

#define SPIN_UNTIL(flag)                                                       \
  while (!(flag).load()) {                                                     \
  }

demo::task<> from_macro() {
  SPIN_UNTIL(ready);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-6]]:3: note: expanded from macro 'SPIN_UNTIL'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: this condition depends only on state the loop does not change
  // CHECK-NOTES: :[[@LINE-8]]:10: note: expanded from macro 'SPIN_UNTIL'
  co_return;
}

template <class Flag> demo::task<> wait_for(Flag &flag) {
  while (!flag.load()) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-3]]:10: note: this condition depends only on state the loop does not change
  co_return;
}
template demo::task<> wait_for(std::atomic<bool> &);
template demo::task<> wait_for(std::atomic<int> &);

void starts() {
  auto waiter = []() -> demo::task<> {
    while (!ready.load()) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: loop never suspends: while it spins
    // CHECK-NOTES: :[[@LINE-3]]:12: note: this condition depends only on state the loop does not change
    co_return;
  };
  waiter();
}

demo::task<> nested() {
  for (;;) {
    co_await yield_now();
    while (!ready.load()) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: loop never suspends: while it spins
    // CHECK-NOTES: :[[@LINE-3]]:12: note: this condition depends only on state the loop does not change
  }
}

// --- Silent: the loop yields.

demo::task<> periodic_yield() {
  unsigned n = 0;
  while (!ready.load()) {
    if (++n % 256 == 0)
      co_await yield_now();
  }
}

asio::awaitable<void> awaited_io(asio::steady_timer &timer) {
  while (!ready.load())
    co_await timer.async_wait(asio::use_awaitable);
}

demo::task<> lazy_child() {
  for (;;)
    co_await child();
}

demo::task<> eager_made_in_loop() {
  while (!ready.load())
    co_await start_eager();
}

demo::task<> eager_reassigned() {
  eager op = start_eager();
  while (!ready.load()) {
    co_await op;
    op = start_eager();
  }
}

demo::task<> yield_in_try() {
  while (!ready.load()) {
    try {
      co_await child();
    } catch (...) {
    }
  }
}

demo::generator<int> numbers() {
  for (int i = 0;; ++i)
    co_yield i;
}

// A synchronous generator runs on the thread that iterates it: not judged.
demo::generator<int> spins_for_its_consumer() {
  while (!ready.load()) {
  }
  co_yield 1;
}

namespace seastar {
struct thread {
  static void yield();
};
} // namespace seastar

demo::task<> checkpoint_call() {
  for (;;)
    seastar::thread::yield();
  co_return;
}

// --- Silent: bounded by the data it walks (CheckRuntimeBoundedLoops).

struct node {
  node *next;
};
struct queue {
  bool empty() const;
  void pop();
  int *try_pop();
};
void use(int);

demo::task<> walks(node *head, queue &q, int n, std::atomic<bool> &stop) {
  while (head)
    head = head->next;
  while (!q.empty())
    q.pop();
  while (int *m = q.try_pop())
    use(*m);
  for (;;) {
    int *x = q.try_pop();
    if (!x)
      break;
    use(*x);
  }
  for (int i = 0; i < n * 4096; ++i)
    use(i);
  int items[4] = {};
  for (int item : items)
    use(item);
  co_return;
}

// A static declared in the loop keeps its value from one iteration to the
// next; a reference declared in it changes what it is bound to.
demo::task<> counts_in_static_and_alias(std::atomic<int> &total, int &n) {
  for (;;) {
    static int calls = 0;
    if (++calls > 100)
      break;
  }
  while (n > 0) {
    int &left = n;
    --left;
  }
  co_return;
}

// --- Silent: not a loop that repeats, or one whose calls may end it.

void poll();
bool done();

demo::task<> not_repeating(bool b) {
  do {
    use(1);
  } while (false);
  for (;;) {
    use(2);
    break;
  }
  while (true)
    co_return;
  co_return;
}

demo::task<> opaque_calls(bool &flag) {
  while (!flag)
    poll(); // May set the flag.
  while (!done()) {
  }
  co_return;
}

// A function object may change anything: its call is not followed.
struct step_fn {
  void operator()() const;
};
demo::task<> calls_function_object(step_fn step) {
  while (!ready.load())
    step();
  co_return;
}

// An await in the condition is in the loop.
demo::task<bool> next();
demo::task<> awaits_in_condition() {
  while (co_await next()) {
  }
}

// A member spin, in a member coroutine.
struct session {
  bool closed = false;
  demo::task<> drain() {
    while (!closed) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: loop never suspends: while it spins
    // CHECK-NOTES: :[[@LINE-3]]:12: note: this condition depends only on state the loop does not change
    co_return;
  }
  void close();
  demo::task<> drain_closing() {
    while (!closed)
      close(); // May set 'closed'.
    co_return;
  }
};

// A goto back edge is not a loop statement: not judged (see the doc).
demo::task<> goto_retry() {
retry:
  if (!ready.load())
    goto retry;
  co_return;
}

// Loops outside coroutines, and in plain lambdas, are not judged.
void plain() {
  while (!ready.load()) {
  }
}
demo::task<> with_plain_lambda() {
  auto wait = [] {
    while (!ready.load()) {
    }
  };
  wait();
  co_await child();
}

// --- An "unreachable" marker: a loop that can never end and does nothing.
// The compiler may assume such a loop ends, so it only marks code that
// never runs: here, after an await that hands the frame away and never
// resumes it (asio's use_awaitable initiation stands in for a co_return
// this way).
struct never_resumes {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

demo::task<int> hands_frame_away() {
  co_await never_resumes{};
  for (;;) {
  } // Never reached.
}

demo::task<int> hands_frame_away_while() {
  co_await never_resumes{};
  while (true)
    ;
}

// Its twins: a loop that does something each time round, or that waits on
// state another thread changes, is a busy loop wherever it is.
void poll_once();
demo::task<int> endless_with_effect() {
  co_await never_resumes{};
  for (;;) {
    poll_once();
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it runs, no other task on this executor runs
}

demo::task<int> empty_spin_on_flag() {
  co_await never_resumes{};
  while (!ready.load()) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins, no other task on this executor runs
  // CHECK-NOTES: :[[@LINE-3]]:10: note: this condition depends only on state the loop does not change
  co_return 1;
}
