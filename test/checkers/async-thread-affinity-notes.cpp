// RUN: %check_async_lint %s async-thread-affinity %t \
// RUN:   --config="{CheckOptions: {async-thread-affinity.StrictResumeThread: true}}"
// Read strictly: every suspension that can suspend counts, whether or not
// the code shows that the coroutine may resume on another thread there (what
// the check does by default is in async-thread-affinity-resume.cpp).
// By default only the functions at the end report, with their evidence.
// RUN: %check_async_lint --check-suffix=EVIDENCE %s async-thread-affinity %t.evidence

// The notes: where the state was taken, the suspension point after which the
// coroutine may resume on another thread, and the use (for a guard, what its
// constructor captures and where its destructor uses it).

#include "coro/libcoro.hpp"
#include "task.h"
#include <exception>
#include <thread>

demo::task<> sub();
void use(int *);
void use_bool(bool);
using thread_id = decltype(std::this_thread::get_id());
extern thread_id ui_thread;
thread_local int tls = 0;

demo::task<> address() {
  int *P = &tls;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after a suspension point [async-thread-affinity]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: the address is taken here
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension
  use(P);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'P' is used here, after the suspension, when it may point to another thread's 'tls'
}

demo::task<> on_ui() {
  bool OnUi = std::this_thread::get_id() == ui_thread;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'OnUi' is computed from the current thread's id and is used after a suspension point [async-thread-affinity]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: the thread id is taken here
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension
  if (OnUi)
    // CHECK-NOTES: :[[@LINE-1]]:7: note: 'OnUi' is used here, after the suspension, when it may describe the thread it left
    use_bool(true);
}

struct scope_fail {
  int Count = std::uncaught_exceptions();
  ~scope_fail() {
    if (std::uncaught_exceptions() > Count)
      use(nullptr);
  }
};

demo::task<> guard() {
  scope_fail Fail;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'Fail' is alive across a suspension point and its destructor uses per-thread state its constructor captured [async-thread-affinity]
  // CHECK-NOTES: :47:15: note: the constructor captures per-thread state in 'Count' here
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension
  // CHECK-NOTES: :49:38: note: the destructor uses 'Count' here: state of the thread the coroutine left, if it resumed on another
}

// The evidence: an await of a pool's schedule(), an awaiter that hands the
// coroutine to a new thread. By default the note is at the suspension that
// moves the coroutine, not at an earlier one that shows nothing.
coro::task<> to_pool(coro::thread_pool &Pool) {
  int *P = &tls;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after
  // CHECK-NOTES: :[[@LINE-2]]:12: note: the address is taken here
  // CHECK-NOTES-EVIDENCE: :[[@LINE-3]]:8: warning: 'P' points to thread_local 'tls' and is used after
  // CHECK-NOTES-EVIDENCE: :[[@LINE-4]]:12: note: the address is taken here
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension
  co_await Pool.schedule();
  // CHECK-NOTES-EVIDENCE: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension: 'schedule' resumes it on another executor or a pool's thread
  use(P);
  // CHECK-NOTES: :[[@LINE-1]]:7: note: 'P' is used here, after the suspension
  // CHECK-NOTES-EVIDENCE: :[[@LINE-2]]:7: note: 'P' is used here, after the suspension
}

struct on_new_thread {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> Continuation) noexcept {
    std::thread([Continuation] { Continuation.resume(); }).detach();
  }
  void await_resume() noexcept {}
};

demo::task<> new_thread() {
  scope_fail Fail;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'Fail' is alive across a suspension point
  // CHECK-NOTES: :47:15: note: the constructor captures per-thread state in 'Count' here
  // CHECK-NOTES-EVIDENCE: :[[@LINE-3]]:14: warning: 'Fail' is alive across a suspension point
  // CHECK-NOTES-EVIDENCE: :47:15: note: the constructor captures per-thread state in 'Count' here
  co_await on_new_thread();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: the coroutine may resume on another thread after this suspension: its awaiter hands the coroutine to a new thread
  // CHECK-NOTES: :84:5: note: a 'thread' started here resumes the coroutine
  // CHECK-NOTES: :49:38: note: the destructor uses 'Count' here: state of the thread the coroutine left, if it resumed on another
  // CHECK-NOTES-EVIDENCE: :[[@LINE-4]]:3: note: the coroutine may resume on another thread after this suspension: its awaiter hands the coroutine to a new thread
  // CHECK-NOTES-EVIDENCE: :84:5: note: a 'thread' started here resumes the coroutine
  // CHECK-NOTES-EVIDENCE: :49:38: note: the destructor uses 'Count' here: state of the thread the coroutine left, if it resumed on another
}
