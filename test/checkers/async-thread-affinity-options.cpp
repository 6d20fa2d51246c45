// Defaults: every coroutine is judged; the in-house functions below are not
// known to hand out per-thread state.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-thread-affinity %t.default
// Custom lists: a function that returns per-thread state, one that returns a
// thread's identity, one whose value a guard records; a coroutine ignored; a
// task type whose coroutines resume on the thread they started on.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-thread-affinity %t.custom \
// RUN:   --config="{CheckOptions: {async-thread-affinity.IgnoredFunctions: 'legacy::reported', async-thread-affinity.ThreadAffineFunctions: 'corp::current_context', async-thread-affinity.ThreadIdFunctions: 'corp::worker_index;corp::current_worker', async-thread-affinity.PerThreadValueFunctions: 'corp::nesting', async-thread-affinity.SameThreadTaskTypes: 'corp::ui_task'}}"

#include "task.h"
#include <coroutine>

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
  // CHECK-MESSAGES-CUSTOM: :[[@LINE-1]]:18: warning: 'Ctx' points to state of the calling thread returned by 'current_context' and is used after a suspension point; the coroutine may resume on another thread there, and then 'Ctx' points to state of the thread it left [async-thread-affinity]
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
