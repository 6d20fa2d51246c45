// RUN: %check_async_lint %s async-thread-affinity %t
// RUN: %check_async_lint --check-suffix=STRICT %s async-thread-affinity %t.strict \
// RUN:   --config="{CheckOptions: {async-thread-affinity.StrictResumeThread: true}}"

// Which thread resumes the coroutine. A finding needs evidence that the
// coroutine may resume on another thread after the suspension: an await of an
// operation that transfers it to a pool (ResumeElsewhereFunctions), or an
// awaiter whose await_suspend hands its handle to a new thread (ThreadTypes).
// A promise whose await_transform wraps every awaiter and hands it another
// handle (re-scheduling the continuation where the coroutine was, as
// async_simple's Lazy does) decides where it resumes: what the wrapped
// awaiter does with the handle it is given is no evidence. Without evidence
// the check is silent; StrictResumeThread reports at every suspension.

#include "coro/libcoro.hpp"
#include "generator.h"
#include "task.h"
#include <coroutine>
#include <thread>

demo::task<> sub();
void use(int *);
using thread_id = decltype(std::this_thread::get_id());
void record(thread_id);
thread_local int tls = 0;

// Resumes the coroutine on a thread of its own (async_simple's LazyTest).
struct on_new_thread {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> Continuation) noexcept {
    std::thread([C = Continuation]() mutable { C.resume(); }).detach();
  }
  void await_resume() noexcept {}
};

// The same, handing the handle on through a template and a capture by copy.
template <class T> struct on_new_jthread {
  T Value;
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<> H) noexcept {
    std::jthread Worker([H] { H.resume(); });
    Worker.detach();
  }
  T await_resume() noexcept { return Value; }
};

// An in-house task type shaped like async_simple's Lazy: its promise's
// await_transform wraps every awaiter; the wrapper gives the awaiter the
// handle of a trampoline that re-schedules the continuation on the executor
// the coroutine runs on.
namespace routed {
struct executor;
struct trampoline {
  executor *Ex;
  std::coroutine_handle<> wrap(std::coroutine_handle<> Continuation);
};
template <class A> struct via_awaiter {
  A Inner;
  trampoline Back;
  bool await_ready() { return Inner.await_ready(); }
  void await_suspend(std::coroutine_handle<> Continuation) {
    Inner.await_suspend(Back.wrap(Continuation));
  }
  decltype(auto) await_resume() { return Inner.await_resume(); }
};
template <class T = void> struct task {
  struct promise_type {
    executor *Ex = nullptr;
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    template <class A> via_awaiter<A> await_transform(A Awaitable) {
      return {Awaitable, {Ex}};
    }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const {}
};
} // namespace routed

// A task type whose await_transform wraps every awaiter only to log it: the
// awaiter gets the coroutine's own handle, so it decides where it resumes.
namespace logged {
void log(const char *);
template <class A> struct logging_awaiter {
  A Inner;
  bool await_ready() { return Inner.await_ready(); }
  void await_suspend(std::coroutine_handle<> H) {
    log("suspend");
    Inner.await_suspend(H);
  }
  decltype(auto) await_resume() { return Inner.await_resume(); }
};
template <class T = void> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    template <class A> logging_awaiter<A> await_transform(A Awaitable) {
      return {Awaitable};
    }
  };
};
} // namespace logged

// Silent: nothing shows where the awaited task resumes the coroutine.
demo::task<> no_evidence() {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id and is used after a suspension point
  int *P = &tls;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  co_await sub();
  record(Id);
  use(P);
}

// The awaiter resumes the coroutine on a new thread.
demo::task<> resumed_on_new_thread() {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id and is used after a suspension point [async-thread-affinity]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'Id' is computed from the current thread's id
  co_await sub();
  co_await on_new_thread();
  record(Id);
}

// A pool's schedule() moves the coroutine to one of the pool's threads.
coro::task<> moved_to_pool(coro::thread_pool &Pool) {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls' and is used after
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'P' points to thread_local 'tls'
  co_await Pool.schedule();
  use(P);
}

// A coroutine of the same pool type, awaited: no evidence of a move.
coro::task<> sub_in(coro::thread_pool &);

// Silent: taken again after the move (the await after it shows nothing).
coro::task<> taken_after_move(coro::thread_pool &Pool) {
  co_await Pool.schedule();
  int *P = &tls;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  co_await sub_in(Pool);
  use(P);
}

// Silent: the promise's await_transform hands the awaiter another handle;
// the wrapper resumes the coroutine where it was (async_simple's Lazy).
routed::task<> routed_new_thread() {
  auto Id1 = std::this_thread::get_id();
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'Id1' is computed from the current thread's id
  co_await on_new_thread();
  record(Id1);
}
routed::task<> routed_pool(coro::thread_pool &Pool) {
  int *P = &tls;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  co_await Pool.schedule();
  use(P);
}

// A wrapper that hands the awaiter the coroutine's own handle changes
// nothing: the new thread resumes the coroutine.
logged::task<> logged_new_thread() {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'Id' is computed from the current thread's id
  co_await on_new_thread();
  record(Id);
}

// Templates: the awaiter's template and the coroutine's, judged in their
// instantiations.
template <class T> demo::task<> generic_thread(T X) {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'Id' is computed from the current thread's id
  T V = co_await on_new_jthread<T>{X};
  record(Id);
  (void)V;
}
template demo::task<> generic_thread<int>(int);

template <class T> routed::task<> generic_routed(T X) {
  auto Id = std::this_thread::get_id();
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'Id' is computed from the current thread's id
  T V = co_await on_new_jthread<T>{X};
  record(Id);
  (void)V;
}
template routed::task<> generic_routed<int>(int);

// Macros.
#define SWITCH_TO(Pool) co_await (Pool).schedule()
coro::task<> macro_switch(coro::thread_pool &Pool) {
  int &R = tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls'
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'R' refers to thread_local 'tls'
  SWITCH_TO(Pool);
  R += 1;
}

// Coroutine lambdas.
void lambdas(coro::thread_pool &Pool) {
  auto Moves = [&]() -> coro::task<> {
    auto Id = std::this_thread::get_id();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'Id' is computed from the current thread's id
    // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:10: warning: 'Id' is computed from the current thread's id
    co_await Pool.schedule();
    record(Id);
  };
  auto Routed = []() -> routed::task<> {
    auto Id = std::this_thread::get_id();
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:10: warning: 'Id' is computed from the current thread's id
    co_await on_new_thread();
    record(Id);
  };
  (void)Moves;
  (void)Routed;
}

// Guards: alive across a move to a pool, and across an await that shows
// nothing.
struct scope_fail {
  int Count = std::uncaught_exceptions();
  ~scope_fail() {
    if (std::uncaught_exceptions() > Count)
      rollback();
  }
  void rollback();
};
coro::task<> guard_moved(coro::thread_pool &Pool) {
  scope_fail Guard;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Guard' is alive across a suspension point
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:14: warning: 'Guard' is alive across a suspension point
  co_await Pool.schedule();
}
demo::task<> guard_no_evidence() {
  scope_fail Guard;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:14: warning: 'Guard' is alive across a suspension point
  co_await sub();
}

// A generator is resumed by whoever iterates it: no evidence.
demo::generator<int> produce() {
  int &R = tls;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:8: warning: 'R' refers to thread_local 'tls'
  co_yield 1;
  co_yield R;
}

// Only the suspension that moves counts: a use between an await without
// evidence and the move is silent, the one after the move is not.
coro::task<> before_and_after(coro::thread_pool &Pool) {
  int *P = &tls;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'P' points to thread_local 'tls'
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:8: warning: 'P' points to thread_local 'tls'
  co_await sub_in(Pool);
  use(P);
  co_await Pool.schedule();
  use(P);
}
