// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-busy-loop %t

// Loops that retry a call which may make no progress (a try-operation that
// fails and changes nothing when what it needs is not there yet), without a
// yield: they wait for another task to make the call succeed, and stall the
// executor that task needs. Reported by default, although the call is not
// const; loops that end when the call fails (they drain their input) are not.

#include "task.h"
#include <mutex>
#include <thread>

// An eager task: once awaited it is ready, so awaiting it again does not
// suspend.
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
demo::task<> yield_now();

template <class T> struct maybe {
  T &operator*();
  bool has_value() const;
  explicit operator bool() const;
};

struct channel {
  bool try_pop(int &);
  bool try_push(int);
  maybe<int> try_receive();
  void push(int);
};
void use(int);
void refill(channel &);

// --- Retries without a yield.

demo::task<> pop_spin(channel &q) {
  int x = 0;
  while (!q.try_pop(x)) {
  }
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins, no other task on this executor runs [async-busy-loop]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'channel::try_pop' may fail without changing anything; the loop retries it until another task makes it succeed
  use(x);
  co_return;
}

demo::task<> break_on_success(channel &q) {
  int x = 0;
  for (;;) {
    if (q.try_pop(x))
      break;
    std::this_thread::yield();
  }
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-5]]:9: note: 'channel::try_pop' may fail without changing anything
  co_return;
}

demo::task<int> return_on_success(channel &q) {
  for (;;) {
    auto Got = q.try_receive();
    if (Got.has_value()) {
      use(*Got);
      co_return *Got;
    }
  }
  // CHECK-NOTES: :[[@LINE-7]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-7]]:16: note: 'channel::try_receive' may fail without changing anything
}

demo::task<> push_until_room(channel &q) {
  do {
  } while (q.try_push(1) == false);
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-2]]:12: note: 'channel::try_push' may fail without changing anything
  co_return;
}

// A std::mutex polled with try_lock: the holder cannot run to release it.
demo::task<> lock_spin(std::mutex &m) {
  while (!m.try_lock())
    std::this_thread::yield();
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'std::mutex::try_lock' may fail without changing anything
  m.unlock();
  co_return;
}

// The yield is after the loop instead of inside it.
demo::task<> yield_after(channel &q) {
  int x = 0;
  while (!q.try_pop(x)) {
  }
  co_await yield_now();
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:11: note: 'channel::try_pop' may fail without changing anything
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the loop's only yield is after it
}

// The only await is of an eager operation made before the loop: ready
// after the first iteration, it completes inline from then on.
demo::task<> ready_future(channel &q) {
  eager op = start_eager();
  int x = 0;
  while (!q.try_pop(x)) {
    co_await op;
  }
  // CHECK-NOTES: :[[@LINE-3]]:3: warning: loop suspends at most on its first iteration: while it spins, no other task on this executor runs
  // CHECK-NOTES: :[[@LINE-4]]:11: note: 'channel::try_pop' may fail without changing anything
}

// Surface forms: a member coroutine of a class template, a macro, a lambda.
template <class Q> struct consumer {
  Q &q;
  demo::task<> next() {
    int x = 0;
    while (!q.try_pop(x)) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: loop never suspends: while it spins
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'channel::try_pop' may fail
    co_return;
  }
};
template struct consumer<channel>;

#define RETRY_UNTIL(Call) while (!(Call)) {}
demo::task<> through_macro(channel &q) {
  RETRY_UNTIL(q.try_push(2));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: loop never suspends: while it spins
  // CHECK-NOTES: :[[@LINE-4]]:27: note: expanded from macro 'RETRY_UNTIL'
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'channel::try_push' may fail
  // CHECK-NOTES: :[[@LINE-6]]:36: note: expanded from macro 'RETRY_UNTIL'
  co_return;
}

void from_lambda(channel &q) {
  auto Coro = [&q]() -> demo::task<> {
    int x = 0;
    while (!q.try_pop(x)) {
    }
    // CHECK-NOTES: :[[@LINE-2]]:5: warning: loop never suspends: while it spins
    // CHECK-NOTES: :[[@LINE-3]]:13: note: 'channel::try_pop' may fail
    co_return;
  };
  (void)Coro;
}

// --- Silent twins.

// Drains: the loop ends when the call fails, when the input runs out.
demo::task<> drains(channel &q) {
  int x = 0;
  while (q.try_pop(x))
    use(x);
  for (;;) {
    auto Got = q.try_receive();
    if (!Got)
      break;
    use(*Got);
  }
  co_return;
}

// A yield in the loop that really suspends.
demo::task<> yields_inside(channel &q) {
  int x = 0;
  while (!q.try_pop(x))
    co_await yield_now();
}

// Bounded by a constant: a few attempts, then give up.
demo::task<> few_attempts(channel &q) {
  int x = 0;
  for (int I = 0; I < 8 && !q.try_pop(x); ++I) {
  }
  co_return;
}

// The loop itself makes the call succeed: it refills or pushes to the
// channel it pops from.
demo::task<> refills(channel &q) {
  int x = 0;
  while (!q.try_pop(x))
    refill(q);
  while (!q.try_pop(x))
    q.push(1);
  co_return;
}

// A call that is no try-operation (a step of a state machine makes progress
// every time), and an exit that does not wait for the call's success.
struct machine {
  bool step();
};
demo::task<> steps(machine &m, channel &q, bool &stop) {
  while (!m.step()) {
  }
  int x = 0;
  for (;;) {
    if (q.try_pop(x))
      break;
    if (stop)
      break;
  }
  co_return;
}

// Not a coroutine: it blocks its own thread, not an executor.
void plain(channel &q) {
  int x = 0;
  while (!q.try_pop(x)) {
  }
}
