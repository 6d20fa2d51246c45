// RUN: %check_async_lint %s async-discarded-awaitable %t --compile-fixed

#include <utility>

#include "asio.hpp"
#include "concurrencpp/concurrencpp.h"
#include "cppcoro/task.hpp"
#include "task.h"

demo::task<int> fetch(int);
demo::task<> store();
cppcoro::task<> flush();
concurrencpp::result<int> compute();
demo::fire_and_forget notify();
asio::awaitable<void> serve();

// A plain awaitable (not a coroutine type), and an in-house future that is
// awaitable through operator co_await.
struct ready_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
ready_awaiter yield_now();
struct unknown_future {
  struct awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    int await_resume() const noexcept { return 0; }
  };
  awaiter operator co_await() const { return {}; }
};
unknown_future later();

// --- discarded calls --------------------------------------------------------

demo::task<> statements(bool Flag) {
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded and never runs [async-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await fetch(1);{{$}}
  store();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded and never runs
  // CHECK-FIXES: {{^}}  co_await store();{{$}}
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flush' is discarded and never runs
  // CHECK-FIXES: {{^}}  co_await flush();{{$}}
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'compute' is discarded; what it does after it first suspends runs detached [async-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await compute();{{$}}
  yield_now();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'yield_now' is discarded [async-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await yield_now();{{$}}
  later();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: awaitable returned by 'later' is discarded
  // CHECK-FIXES: {{^}}  co_await later();{{$}}

  // Left of a comma, and either arm of a discarded conditional: reported,
  // without a fix.
  (store(), 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:4: warning: task returned by 'store' is discarded and never runs
  Flag ? fetch(1) : fetch(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: task returned by 'fetch' is discarded and never runs
  // CHECK-MESSAGES: :[[@LINE-2]]:21: warning: task returned by 'fetch' is discarded and never runs
  if (Flag)
    store();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: task returned by 'store' is discarded and never runs
  // CHECK-FIXES: {{^}}    co_await store();{{$}}

  // A (void) cast says the drop is intended.
  (void)fetch(3);
  static_cast<void>(store());

  // Awaited, returned, moved, passed on: fine.
  co_await fetch(4);
  int V = co_await fetch(5);
  (void)V;
  notify(); // fire_and_forget: made to be dropped
  auto Keep = fetch(6);
  co_await std::move(Keep);
  // Unevaluated operands never run.
  static_assert(sizeof(fetch(7)) > 0);
  using T = decltype(store());
}

// Outside a coroutine the advice changes and there is no fix.
void plain() {
  store();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded and never runs [async-discarded-awaitable]
  compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'compute' is discarded; what it does after it first suspends runs detached
}

// --- asio: coroutine_traits promise, await_transform, deferred tokens -------

asio::awaitable<void> session(asio::ip::tcp::socket &S, asio::steady_timer &T) {
  char Buf[8];
  serve();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'serve' is discarded and never runs
  // CHECK-FIXES: {{^}}  co_await serve();{{$}}
  T.async_wait(asio::use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::basic_waitable_timer::async_wait' is discarded and never starts [async-discarded-awaitable]
  // CHECK-FIXES: {{^}}  co_await T.async_wait(asio::use_awaitable);{{$}}
  asio::async_write(S, asio::buffer(Buf, 8), asio::deferred);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: asynchronous operation 'asio::async_write' is discarded and never starts
  // A detached operation is meant to run on its own.
  T.async_wait(asio::detached);
  co_await S.async_read_some(asio::buffer(Buf, 8), asio::use_awaitable);
  auto Ex = co_await asio::this_coro::executor;
  (void)Ex;
}

// A cppcoro task cannot be awaited by an asio coroutine: reported, with
// other advice and no fix.
asio::awaitable<void> mixed() {
  flush();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'flush' is discarded and never runs
  co_return;
}

// --- local variables --------------------------------------------------------

// Tasks dropped on some path are in async-discarded-awaitable-notes.cpp,
// with the notes that mark where.
demo::task<> locals() {
  auto Awaited = fetch(1);
  co_await Awaited;
}

demo::task<> handed_on(bool Flag) {
  // Moved into a container-like sink, captured, passed: all hand it on.
  auto Moved = fetch(1);
  auto Sink = std::move(Moved);
  co_await Sink;
  auto Captured = store();
  auto Later = [&Captured]() -> demo::task<> { co_await Captured; };
  co_await Later();
  // An eager task runs already, but one that nothing uses at all loses its
  // result and any failure (result-handles.cpp).
  auto Running = compute();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: task 'Running' is never awaited; its result and any failure are lost [async-discarded-awaitable]
  (void)Flag;
}

// --- templates, lambdas, macros ---------------------------------------------

template <class F> demo::task<> generic(F Make) {
  Make();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by a lambda is discarded and never runs
  fetch(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'fetch' is discarded and never runs
  // (No fix inside templates: the same code may not be awaitable in
  // another instantiation.)
  co_return;
}
void instantiate() {
  (void)generic([] { return store(); });
  (void)generic([] { return 1; });
}

#define SPAWN_STORE() store()
demo::task<> macros() {
  SPAWN_STORE();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded and never runs
  co_return;
}

auto Lambda = []() -> demo::task<> {
  store();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: task returned by 'store' is discarded and never runs
  // CHECK-FIXES: {{^}}  co_await store();{{$}}
  co_return;
};
