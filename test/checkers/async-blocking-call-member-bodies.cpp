// RUN: %check_async_lint %s async-blocking-call %t

// A member named in AwaitableBlockingMembers (get, wait, ...) of an awaitable
// type is judged by its body when the unit shows all of it: an accessor that
// reads a stored slot waits for nothing (TooManyCooks' mux_tuple::get<I>,
// bench/realcode/holdout/tmc.md R2). Its name decides only where the body,
// or something it calls, is not in the unit.

#include <condition_variable>
#include <coroutine>
#include <future>
#include <mutex>

#include "task.h"

inline void expects(bool Ok) {
  if (!Ok)
    __builtin_trap();
}

// Awaiting it yields the index of a finished slot; get<I>() reads slot I.
struct mux {
  int results[2];
  unsigned active = 3;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  unsigned long await_resume();
  template <unsigned long I> int &get() {
    expects(!(active & (1u << I)));
    return results[I];
  }
};

// --- Silent: the body reads a slot and reaches no wait. ---

demo::task<> slot_after_index(mux &m) {
  unsigned long i = co_await m;
  if (i == 0)
    (void)m.get<0>();
  (void)m.get<1>();
}

int read_first(mux &m) { return m.get<0>(); }

demo::task<> helper_reads_slot(mux &m) {
  co_await m;
  (void)read_first(m);
}

// --- Reported: the name decides where the body is not all visible. ---

int fetch_remote(); // defined in another unit: what it does is not seen

struct remote_result {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
  int get() { return fetch_remote(); }
  void wait(); // no body in this unit
};

demo::task<> opaque_bodies(remote_result &r) {
  (void)r.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'remote_result::get' blocks the executor thread inside coroutine 'opaque_bodies' [async-blocking-call]
  r.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'remote_result::wait' blocks the executor thread inside coroutine 'opaque_bodies' [async-blocking-call]
  co_return;
}

// --- Reported: the visible body waits; the name keeps its category. ---

struct signalled_result {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  int value = 0;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
  int get() {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock);
    return value;
  }
};

demo::task<> body_waits(signalled_result &r) {
  (void)r.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'signalled_result::get' blocks the executor thread inside coroutine 'body_waits' [async-blocking-call]
  co_return;
}

// The twin of slot_after_index: std::future::get waits.
demo::task<> future_twin(std::future<int> &f) {
  (void)f.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'std::future::get' blocks the executor thread inside coroutine 'future_twin' [async-blocking-call]
  co_return;
}
