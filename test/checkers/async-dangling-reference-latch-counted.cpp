// RUN: %check_async_lint %s async-dangling-reference %t

// A lifetime the function waits out through a latch: the function starts N
// eager jobs in a counting loop, each counts down a latch of count N as its
// last use of what it borrows, and the function waits on the latch before
// the locals die. A job that ends early (co_return before the count-down)
// never signals: it can only keep the wait from returning, never release it
// while a job still runs. Twins: a count-down before a later use, a latch
// counted for fewer jobs than the loop starts, a wait on one path only.

#include <atomic>
#include <coroutine>
#include <latch>

struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct hop {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  bool await_resume();
};
struct pool {
  hop jump();
};

job work(pool &p, std::atomic<int> &n, std::latch &l) {
  while (true) {
    if (n.fetch_add(1) > 100)
      break;
    if (!co_await p.jump())
      co_return;
  }
  l.count_down();
}

void counted(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(8);
  for (int k = 0; k < 8; ++k)
    work(p, n, l);
  l.wait();
}

// A template coroutine, started through a macro.
template <class Counter>
job work_on(pool &p, Counter &n, std::latch &l) {
  if (!co_await p.jump())
    co_return;
  ++n;
  l.count_down();
}
#define START_ALL(COUNT, ...)                                                  \
  for (int k = 0; k < COUNT; ++k)                                              \
    work_on(__VA_ARGS__)

void counted_template(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(4);
  START_ALL(4, p, n, l);
  l.wait();
}

// Twin (template, macro): the latch releases after two of the four jobs.
void counted_template_short(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(2);
  START_ALL(4, p, n, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'n' of coroutine 'work_on' refers to local 'n', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: parameter 'l' of coroutine 'work_on' refers to local 'l', which the task may outlive [async-dangling-reference]
  l.wait();
}

// Twin: the job counts down before its last use of 'n'.
job work_then_count(pool &p, std::atomic<int> &n, std::latch &l) {
  if (!co_await p.jump())
    co_return;
  l.count_down();
  n.fetch_add(1);
}
void counted_early(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(8);
  for (int k = 0; k < 8; ++k)
    work_then_count(p, n, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: parameter 'n' of coroutine 'work_then_count' refers to local 'n', which the task may outlive [async-dangling-reference]
  l.wait();
}

// Twin: the latch releases after two of the eight jobs.
void counted_short(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(2);
  for (int k = 0; k < 8; ++k)
    work(p, n, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'n' of coroutine 'work' refers to local 'n', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'l' of coroutine 'work' refers to local 'l', which the task may outlive [async-dangling-reference]
  l.wait();
}

// Twin: the function waits on one path only.
void counted_sometimes(pool &p, bool wait) {
  std::atomic<int> n = 0;
  std::latch l(8);
  for (int k = 0; k < 8; ++k)
    work(p, n, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: parameter 'n' of coroutine 'work' refers to local 'n', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: parameter 'l' of coroutine 'work' refers to local 'l', which the task may outlive [async-dangling-reference]
  if (wait)
    l.wait();
}

// Twin: a job that jumps past its count-down (goto) still uses 'n' after
// the other jobs may have released the wait: only co_return ends the task.
job work_goto(pool &p, std::atomic<int> &n, std::latch &l) {
  if (!co_await p.jump())
    goto out;
  l.count_down();
out:
  n.fetch_add(1);
}
void counted_goto(pool &p) {
  std::atomic<int> n = 0;
  std::latch l(1);
  work_goto(p, n, l);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'n' of coroutine 'work_goto' refers to local 'n', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: parameter 'l' of coroutine 'work_goto' refers to local 'l', which the task may outlive [async-dangling-reference]
  l.wait();
}
