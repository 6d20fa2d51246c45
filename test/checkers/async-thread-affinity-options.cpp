// Defaults (read strictly: every suspension counts): every coroutine is
// judged; the in-house functions below are not known to hand out per-thread
// state.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-thread-affinity %t.default \
// RUN:   --config="{CheckOptions: {async-thread-affinity.StrictResumeThread: true}}"
// Custom lists: a function that returns per-thread state, one that returns a
// thread's identity, one whose value a guard records; a coroutine ignored; a
// task type whose coroutines resume on the thread they started on.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-thread-affinity %t.custom \
// RUN:   --config="{CheckOptions: {async-thread-affinity.IgnoredFunctions: 'legacy::reported', async-thread-affinity.ThreadAffineFunctions: 'corp::current_context', async-thread-affinity.ThreadIdFunctions: 'corp::worker_index;corp::current_worker', async-thread-affinity.PerThreadValueFunctions: 'corp::nesting', async-thread-affinity.SameThreadTaskTypes: 'corp::ui_task', async-thread-affinity.StrictResumeThread: true}}"
// Evidence (the default reading): in-house operations that move the
// coroutine, and an in-house thread type; the lists replace the defaults.
// RUN: %check_async_lint --check-suffix=EVIDENCE %s async-thread-affinity %t.evidence \
// RUN:   --config="{CheckOptions: {async-thread-affinity.ResumeElsewhereFunctions: 'corp::switch_to_io;corp::pool::run_handle', async-thread-affinity.ThreadTypes: 'corp::worker_thread'}}"

#include "task.h"
#include <coroutine>
#include <thread>

demo::task<> sub();
thread_local int tls = 0;
void use(int *);

namespace corp {
struct context {};
context *current_context();
int worker_index();
// Only ==: a != b is rewritten as !(a == b).
struct worker {
  bool operator==(const worker &) const;
};
worker current_worker();
int nesting();
void restore(int);
struct nesting_guard {
  int Level = nesting();
  ~nesting_guard() { restore(Level); }
};
// Resumes on the UI thread only.
template <class T = void> struct ui_task {
  struct promise_type {
    ui_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
} // namespace corp

namespace legacy {
demo::task<> reported() {
  int *P = &tls;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after
  co_await sub();
  use(P);
}
} // namespace legacy

void use_context(corp::context *);
void use_index(int);
void use_bool(bool);

demo::task<> in_house() {
  corp::context *Ctx = corp::current_context();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:18: warning: 'Ctx' points to per-thread state returned by 'current_context' and is used after a suspension point [async-thread-affinity]
  int Index = corp::worker_index();
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:7: warning: 'Index' is computed from the current thread's id
  corp::nesting_guard Guard;
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:23: warning: 'Guard' is alive across a suspension point
  co_await sub();
  use_context(Ctx);
  use_index(Index);
}

// Silent: the id before the suspension compared with the id after it, through
// a rewritten comparison (from a test asserting that the coroutine moved).
demo::task<> moved() {
  auto Before = corp::current_worker();
  co_await sub();
  auto After = corp::current_worker();
  use_bool(Before != After);
}

corp::ui_task<> on_ui_thread() {
  int *P = &tls;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after
  co_await sub();
  use(P);
}

// Moving the coroutine, by in-house means.
namespace corp {
struct io_switch {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
io_switch switch_to_io();
struct pool {
  static void run_handle(std::coroutine_handle<>);
};
struct worker_thread {
  template <class F> explicit worker_thread(F &&);
};
} // namespace corp

struct via_pool {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> H) { corp::pool::run_handle(H); }
  void await_resume() {}
};
struct via_worker {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    corp::worker_thread([H] { H.resume(); });
  }
  void await_resume() {}
};
// std::thread is not in the configured ThreadTypes.
struct via_std_thread {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> H) {
    std::thread([H] { H.resume(); }).detach();
  }
  void await_resume() {}
};

demo::task<> in_house_moves() {
  int *ToIo = &tls;
  // CHECK-MESSAGES-EVIDENCE: :[[@LINE-1]]:8: warning: 'ToIo' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:8: warning: 'ToIo' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:8: warning: 'ToIo' points to thread_local 'tls' and is used after
  co_await corp::switch_to_io();
  use(ToIo);
  int *ToPool = &tls;
  // CHECK-MESSAGES-EVIDENCE: :[[@LINE-1]]:8: warning: 'ToPool' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:8: warning: 'ToPool' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:8: warning: 'ToPool' points to thread_local 'tls' and is used after
  co_await via_pool();
  use(ToPool);
  int *ToWorker = &tls;
  // CHECK-MESSAGES-EVIDENCE: :[[@LINE-1]]:8: warning: 'ToWorker' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:8: warning: 'ToWorker' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-3]]:8: warning: 'ToWorker' points to thread_local 'tls' and is used after
  co_await via_worker();
  use(ToWorker);
  int *ToStd = &tls;
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: 'ToStd' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-2]]:8: warning: 'ToStd' points to thread_local 'tls' and is used after
  co_await via_std_thread();
  use(ToStd);
}
