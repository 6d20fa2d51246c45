// RUN: %check_async_lint %s async-thread-affinity %t \
// RUN:   --config="{CheckOptions: {async-thread-affinity.StrictResumeThread: true}}"
// Read strictly: every suspension that can suspend counts, whether or not
// the code shows that the coroutine may resume on another thread there (what
// the check does by default is in async-thread-affinity-resume.cpp).

// Locals holding a thread_local's address or reference, or a value computed
// from the current thread's id, taken before a suspension point and used
// after it; and what stays silent.

#include "generator.h"
#include "task.h"
#include <coroutine>
#include <thread>

demo::task<> sub();
void use(int *);
void use_ref(int &);
void use_bool(bool);
using thread_id = decltype(std::this_thread::get_id());
void record(thread_id);
extern thread_id ui_thread;

thread_local int tls = 0;
thread_local int tls_arr[4];
struct counters {
  int hits;
};
thread_local counters tls_counters;
thread_local int *tls_pointer = nullptr;

int &tls_ref() { return tls; }
int *tls_ptr() { return &tls; }
int &tls_ref_twice() { return tls_ref(); }
int *maybe_tls(bool B) {
  static int Shared;
  if (B)
    return &tls;
  return &Shared;
}
int &opaque();

// The address of a thread_local.
demo::task<> address() {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after a suspension point [async-thread-affinity]
  co_await sub();
  use(P);
}

// A reference to a thread_local.
demo::task<> reference() {
  int &R = tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls' and is used after a suspension point [async-thread-affinity]
  co_await sub();
  R += 1;
}

// Handed out by visible functions that return a thread_local.
demo::task<> through_functions() {
  int &R = tls_ref();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls' and is used after
  int *P = tls_ptr();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after
  int &Twice = tls_ref_twice();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Twice' refers to thread_local 'tls' and is used after
  int *Addr = &tls_ref();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Addr' points to thread_local 'tls' and is used after
  co_await sub();
  use_ref(R);
  use(P);
  use_ref(Twice);
  use(Addr);
}

// A member, an element, the array itself.
demo::task<> parts() {
  int *Hits = &tls_counters.hits;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Hits' points to thread_local 'tls_counters'
  int *First = tls_arr;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'First' points to thread_local 'tls_arr'
  int &Second = tls_arr[1];
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Second' refers to thread_local 'tls_arr'
  co_await sub();
  use(Hits);
  use(First);
  use_ref(Second);
}

// Assigned, not declared, before the suspension.
demo::task<> assigned(bool B) {
  int *P = nullptr;
  if (B)
    P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'P' points to thread_local 'tls'
  co_await sub();
  use(P);
}

// The current thread's id, and a value computed from it.
demo::task<> ids() {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id and is used after a suspension point [async-thread-affinity]
  bool OnUi = std::this_thread::get_id() == ui_thread;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'OnUi' is computed from the current thread's id
  co_await sub();
  record(Id);
  use_bool(OnUi);
}

// Computed from a local holding the id: only the computed value crosses.
demo::task<> derived() {
  auto Id = std::this_thread::get_id();
  bool OnUi = Id == ui_thread;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'OnUi' is computed from the current thread's id
  co_await sub();
  use_bool(OnUi);
}

// A generator's co_yield resumes on the consumer's thread.
demo::generator<int> produce() {
  int &R = tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls'
  co_yield 1;
  co_yield R;
}

// Templates: judged in their instantiations.
template <class T> demo::task<> generic() {
  T &R = tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'R' refers to thread_local 'tls'
  co_await sub();
  use_ref(R);
}
template demo::task<> generic<int>();

template <class T> demo::task<> generic_copy() {
  T V = tls;
  co_await sub();
  use(&V);
}
template demo::task<> generic_copy<int>();

// Macros.
#define TLS_ADDRESS (&tls)
demo::task<> macro() {
  int *P = TLS_ADDRESS;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  co_await sub();
  use(P);
}

// Coroutine lambdas.
void lambdas() {
  auto Coro = []() -> demo::task<> {
    int *P = &tls;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'P' points to thread_local 'tls'
    co_await sub();
    use(P);
  };
  auto Silent = []() -> demo::task<> {
    co_await sub();
    int *P = &tls;
    use(P);
  };
  (void)Coro;
  (void)Silent;
}

// Nested scopes.
demo::task<> nested(bool B) {
  if (B) {
    int *P = &tls;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'P' points to thread_local 'tls'
    {
      co_await sub();
    }
    use(P);
  }
}

// Early returns: only the path that suspends counts.
demo::task<> early(bool B) {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  if (B)
    co_return;
  co_await sub();
  use(P);
}

demo::task<> early_silent(bool B) {
  int *P = &tls;
  if (B) {
    use(P);
    co_return;
  }
  co_await sub();
}

// try/catch around the suspension.
demo::task<> guarded() {
  int &R = tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls'
  try {
    co_await sub();
  } catch (...) {
  }
  use_ref(R);
}

demo::task<> guarded_silent() {
  int *P = nullptr;
  try {
    co_await sub();
    P = &tls;
    use(P);
  } catch (...) {
  }
}

// switch.
demo::task<> switched(int K) {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  switch (K) {
  case 0:
    co_await sub();
    break;
  default:
    break;
  }
  use(P);
}

demo::task<> switched_silent(int K) {
  int *P = &tls;
  switch (K) {
  case 0:
    use(P);
    break;
  default:
    co_await sub();
  }
}

// goto.
demo::task<> jumps(int N) {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
again:
  use(P);
  if (N-- > 0) {
    co_await sub();
    goto again;
  }
}

demo::task<> jumps_silent(int N) {
again:
  int *P = &tls;
  use(P);
  if (N-- > 0) {
    co_await sub();
    goto again;
  }
}

// Silent: fetched again after the suspension.
demo::task<> refetched() {
  int *P = &tls;
  use(P);
  co_await sub();
  P = &tls;
  use(P);
  use(&tls);
}

// Silent: taken anew on every iteration.
demo::task<> loop(int N) {
  for (int I = 0; I < N; ++I) {
    int *P = &tls;
    use(P);
    co_await sub();
  }
}

// Silent: copies of a thread_local's value are data, not identity.
demo::task<> copies() {
  int V = tls;
  int *Copied = tls_pointer;
  counters C = tls_counters;
  co_await sub();
  use(&V);
  use(Copied);
  use(&C.hits);
}

// Silent: an id compared only before the suspension; an id compared with
// the id fetched again after it (asking whether the coroutine moved).
demo::task<> ids_silent() {
  auto Id = std::this_thread::get_id();
  bool OnUi = Id == ui_thread;
  use_bool(OnUi);
  co_await sub();
  auto Before = std::this_thread::get_id();
  co_await sub();
  use_bool(Before != std::this_thread::get_id());
  auto After = std::this_thread::get_id();
  use_bool(Before == After);
}

// Silent: an id handed to what the coroutine awaits, to go back to the
// thread it names.
struct resume_on {
  explicit resume_on(thread_id);
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
demo::task<> goes_back() {
  auto Home = std::this_thread::get_id();
  co_await sub();
  co_await resume_on(Home);
}

// Silent: not every return is a thread_local, or the function is not
// visible.
demo::task<> unknown(bool B) {
  int *P = maybe_tls(B);
  int &R = opaque();
  co_await sub();
  use(P);
  use_ref(R);
}

// Silent: a suspension point that cannot suspend.
demo::task<> never_suspends() {
  int *P = &tls;
  co_await std::suspend_never{};
  use(P);
}

// Silent: not a coroutine.
void plain() {
  int *P = &tls;
  use(P);
}
