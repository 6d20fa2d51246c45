// RUN: %check_async_lint %s async-blocking-call %t

// A task's member that waits only until the task completes (its wait runs
// under a test of a field the promise writes in return_value) waits for the
// task's result: it is judged by the task's readiness, and awaiting the task
// makes it ready. corolib's async_task::get_result()
// (bench/realcode/holdout/corolib.md, Fact 2 (a), (b), R2).

#include <coroutine>
#include <semaphore>

// Eager; get_result() waits only while the result is not set.
struct task {
  struct promise_type {
    bool ready = false;
    int v = 0;
    std::binary_semaphore sem{0};
    std::coroutine_handle<> cont;
    task get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int x) {
      v = x;
      ready = true;
      sem.release();
      if (cont)
        cont.resume();
    }
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> h;
  bool await_ready() { return h.promise().ready; }
  void await_suspend(std::coroutine_handle<> c) { h.promise().cont = c; }
  int await_resume() { return h.promise().v; }
  int get_result() {
    if (!h.promise().ready)
      h.promise().sem.acquire();
    return h.promise().v;
  }
  // Waits on a flag that completion does not write: another thread's.
  bool other = false;
  int get_other() {
    if (!other)
      h.promise().sem.acquire();
    return h.promise().v;
  }
};

task leaf();

// --- Silent: the task is ready when the result is asked for. ---

task after_await() {
  task a = leaf();
  co_await a;
  co_return a.get_result();
}

// --- Reported as a wait for a result. ---

task not_awaited() {
  task a = leaf();
  co_return a.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'task::get_result' blocks the executor thread inside coroutine 'not_awaited' [async-blocking-call]
}

// --- Reported as a wait on another thread: the guard is not completion's. ---

task other_flag() {
  task a = leaf();
  co_await a;
  co_return a.get_other();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: call to 'task::get_other' blocks the executor thread inside coroutine 'other_flag' [async-blocking-call]
}

// The member is the base's, the awaitable type the derived one (corolib's
// async_task_base::get_result, called on an async_task).
struct split_base {
  struct promise_type {
    bool ready = false;
    std::binary_semaphore sem{0};
    void return_value(int) { ready = true; }
  };
  std::coroutine_handle<promise_type> h;
  int get_result() {
    if (!h.promise().ready)
      h.promise().sem.acquire();
    return 0;
  }
};
struct split_task : split_base {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};

split_task make_split();

task base_member_awaited() {
  split_task t = make_split();
  co_await t;
  co_return t.get_result();
}

task base_member() {
  split_task t = make_split();
  co_return t.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'split_base::get_result' blocks the executor thread inside coroutine 'base_member' [async-blocking-call]
}

// --- Combinator objects built over the caller's tasks (corolib.md R3). ---

namespace corolib {
// Resumes its awaiter once every task given to the constructor completed.
struct when_all {
  template <class... T> when_all(T &...ts);
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
// await_resume returns the position of a task that completed.
struct when_any {
  template <class... T> when_any(T &...ts);
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};
} // namespace corolib

task all_awaited() {
  task a = leaf(), b = leaf();
  corolib::when_all wa(a, b);
  co_await wa;
  co_return a.get_result() + b.get_result();
}

task all_temporary() {
  task a = leaf(), b = leaf();
  co_await corolib::when_all(a, b);
  co_return a.get_result() + b.get_result();
}

task any_case() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  switch (co_await wa) {
  case 0:
    co_return a.get_result();
  case 1:
    co_return b.get_result();
  default:
    co_return a.get_result();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'task::get_result' blocks the executor thread inside coroutine 'any_case' [async-blocking-call]
  }
}

task any_index() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  int i = co_await wa;
  if (i == 1)
    co_return b.get_result();
  co_return b.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'task::get_result' blocks the executor thread inside coroutine 'any_index' [async-blocking-call]
}

// Only one of them is known to have completed.
task any_twin() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  co_await wa;
  co_return a.get_result() + b.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'task::get_result' blocks the executor thread inside coroutine 'any_twin' [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:32: warning: 'task::get_result' blocks the executor thread inside coroutine 'any_twin' [async-blocking-call]
}

// Two awaits of an any-combinator over two tasks: both completed (R3b).
task drained() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  for (int i = 0; i < 2; i++)
    co_await wa;
  co_return a.get_result() + b.get_result();
}

// One await: one of them may still run.
task drained_once() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  for (int i = 0; i < 1; i++)
    co_await wa;
  co_return a.get_result() + b.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'task::get_result' blocks the executor thread inside coroutine 'drained_once' [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:32: warning: 'task::get_result' blocks the executor thread inside coroutine 'drained_once' [async-blocking-call]
}

// A loop that may stop early drains nothing.
task drain_may_stop(bool stop) {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  for (int i = 0; i < 2; i++) {
    co_await wa;
    if (stop)
      break;
  }
  co_return a.get_result();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'task::get_result' blocks the executor thread inside coroutine 'drain_may_stop' [async-blocking-call]
}

// corolib's tutorial form: the index assigned in a draining loop, switched
// on with a break in each case (the breaks leave the switch, not the loop).
task drained_switch() {
  task a = leaf(), b = leaf();
  corolib::when_any wa(a, b);
  int idx = -1;
  int v = 0;
  for (int i = 0; i < 2; i++) {
    idx = co_await wa;
    switch (idx) {
    case 0:
      v += a.get_result();
      break;
    case 1:
      v += b.get_result();
      break;
    default:
      v += a.get_result();
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'task::get_result' blocks the executor thread inside coroutine 'drained_switch' [async-blocking-call]
      break;
    }
  }
  co_return v + a.get_result() + b.get_result();
}
