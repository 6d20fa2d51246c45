// RUN: %check_async_lint %s async-blocking-call %t

// The no-suspend half of a co_await written by hand: a coroutine asks an
// awaitable `aw.await_ready()` and, where it answered true, calls
// `aw.await_resume()` itself (Boost.Cobalt's join children). By the
// awaitable protocol the result is there on that branch: the awaitable's
// await_resume, which joins a thread, waits for nothing. The same call on
// the branch where it answered false, without asking, on another object,
// or after the object or the kept answer changes is
// still reported.

#include <coroutine>
#include <mutex>
#include <thread>

#include "task.h"

struct thread_awaitable {
  std::thread *thr;
  std::mutex *mtx;
  bool *done;
  bool await_ready() {
    std::lock_guard<std::mutex> g(*mtx);
    return *done;
  }
  bool await_suspend(std::coroutine_handle<>);
  void await_resume() {
    if (thr->joinable())
      thr->join();
  }
};

struct input {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};

#define RESUME_IF_READY(A)                                                     \
  if ((A).await_ready())                                                       \
  (A).await_resume()

// --- Silent: await_resume where await_ready answered true.

// Cobalt's shape: the answer kept in a local.
demo::task<> kept_answer(thread_awaitable &aw) {
  auto rd = aw.await_ready();
  if (!rd) {
    co_await aw;
  } else {
    aw.await_resume();
  }
}

demo::task<> direct_test(thread_awaitable &aw) {
  if (aw.await_ready())
    aw.await_resume();
  else
    co_await aw;
}

demo::task<> negated_else(thread_awaitable &aw) {
  if (!aw.await_ready()) {
    co_await aw;
    co_return;
  } else {
    if (aw.thr)
      aw.await_resume();
  }
}

template <class Awaitable> demo::task<> in_template(Awaitable &aw) {
  const bool ready = aw.await_ready();
  if (ready)
    aw.await_resume();
  else
    co_await aw;
}
template demo::task<> in_template(thread_awaitable &);

demo::task<> in_macro(thread_awaitable &aw) {
  RESUME_IF_READY(aw);
  co_await input{};
}

demo::task<> in_conditional(thread_awaitable &aw) {
  aw.await_ready() ? aw.await_resume() : void();
  co_await input{};
}

// --- Reported.

// On the branch where it answered false.
demo::task<> not_ready_branch(thread_awaitable &aw) {
  if (aw.await_ready())
    co_return;
  aw.await_resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: call to 'thread_awaitable::await_resume' blocks the executor thread inside coroutine 'not_ready_branch' [async-blocking-call]
}

demo::task<> wrong_branch(thread_awaitable &aw) {
  if (!aw.await_ready())
    aw.await_resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'thread_awaitable::await_resume' blocks {{.*}} [async-blocking-call]
  co_await input{};
}

// Without asking.
demo::task<> never_asked(thread_awaitable &aw) {
  co_await input{};
  aw.await_resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: call to 'thread_awaitable::await_resume' blocks {{.*}} [async-blocking-call]
}

// Another object was asked.
demo::task<> other_object(thread_awaitable &a, thread_awaitable &b) {
  if (a.await_ready())
    b.await_resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: call to 'thread_awaitable::await_resume' blocks {{.*}} [async-blocking-call]
  co_await input{};
}

// The kept answer changes before the test.
demo::task<> answer_changed(thread_awaitable &aw, bool again) {
  bool rd = aw.await_ready();
  if (again)
    rd = true;
  if (rd)
    aw.await_resume();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'thread_awaitable::await_resume' blocks {{.*}} [async-blocking-call]
  co_await input{};
}

// The object changes: a different thread's awaitable.
demo::task<> object_changed(thread_awaitable aw, thread_awaitable other) {
  if (aw.await_ready()) {
    aw = other;
    aw.await_resume();
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: call to 'thread_awaitable::await_resume' blocks {{.*}} [async-blocking-call]
  }
  co_await input{};
}
