// RUN: %check_async_lint %s async-dangling-reference %t

// Declared coroutines: functions whose body is not in this translation unit,
// judged by their declared task type. A lazy task has not run when the call
// returns, so what its reference, pointer and view parameters refer to must
// live until it has run; an eager one is judged only where the code states
// that the task borrows (coro_lifetimebound, lifetimebound).

#include <string>
#include <string_view>
#include <utility>

#include "asio.hpp"
#include "task.h"

namespace demo {
template <class... T> task<> when_all(T &&...);
} // namespace demo

std::string make();

demo::task<int> fetch(const std::string &Key);
demo::task<int> lookup(std::string_view Key);
demo::task<int> count(const int *P);
demo::task<int> by_value(std::string Key);
asio::awaitable<void> serve(const std::string &Request);
template <class T> demo::task<int> fetch_as(const T &Key);
struct client {
  demo::task<int> get(std::string_view Path);
};

// An eager task type whose library states that its coroutines borrow their
// parameters until the task is done (Clang's coroutine lifetime analysis).
struct [[clang::coro_return_type, clang::coro_lifetimebound]] borrowing {
  struct promise_type {
    borrowing get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
borrowing kick(const std::string &Key);
[[clang::coro_disable_lifetimebound]] borrowing kick_copies(
    const std::string &Key);
[[clang::coro_wrapper]] borrowing kick_wrapper(const std::string &Key);

// An eager task with one parameter declared to outlive the call.
demo::fire_and_forget watch(const std::string &Key [[clang::lifetimebound]]);
demo::fire_and_forget watch_plain(const std::string &Key);

// --- Temporaries that die before the task has run.

demo::task<> temporaries() {
  auto T = fetch(std::string("x"));
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: parameter 'Key' of 'fetch' refers to a temporary that its task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:34: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :22:17: note: 'fetch' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'demo::task<int>' is a lazy task type: the body runs only after the call has returned
  co_await T;

  auto V = lookup(make());
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: parameter 'Key' of 'lookup' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:25: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :23:17: note: 'lookup' is declared here
  co_await std::move(V);

  // A function template that is only declared.
  auto U = fetch_as(std::string("y"));
  // CHECK-NOTES: :[[@LINE-1]]:21: warning: parameter 'Key' of 'fetch_as<std::basic_string<char>>' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:37: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :27:36: note: 'fetch_as<std::basic_string<char>>' is declared here
  co_await U;

  // A member function.
  client C;
  auto W = C.get(make());
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: parameter 'Path' of 'get' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:24: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :29:19: note: 'get' is declared here
  co_await W;
}

#define FETCH(X) fetch(X)

demo::task<int> returned_from_macro() {
  return FETCH(make());
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: parameter 'Key' of 'fetch' refers to a temporary
  // CHECK-NOTES: :[[@LINE-5]]:24: note: expanded from macro 'FETCH'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE-4]]:10: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-8]]:25: note: expanded from macro 'FETCH'
  // CHECK-NOTES: :22:17: note: 'fetch' is declared here
}

// --- Locals that die while the task may still run.

demo::task<int> returned_local() {
  int Local = 0;
  return count(&Local);
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: parameter 'P' of 'count' refers to local 'Local', which its task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Local' is destroyed here
  // CHECK-NOTES: :24:17: note: 'count' is declared here
}

void spawned_local(asio::io_context &Ctx) {
  std::string Request = make();
  asio::co_spawn(Ctx, serve(Request), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'Request' of 'serve' refers to local 'Request'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Request' is destroyed here
  // CHECK-NOTES: :26:23: note: 'serve' is declared here
}

// --- Eager tasks whose declaration says that they borrow.

void eager_borrowing() {
  kick(make());
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: parameter 'Key' of 'kick' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE-3]]:14: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :43:11: note: 'kick' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'borrowing' is marked 'coro_lifetimebound'
  watch(make());
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: parameter 'Key' of 'watch' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE-3]]:15: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :49:48: note: 'Key' is declared 'lifetimebound' here

  // Silent: an eager task may be done with its parameter before it first
  // suspends, and nothing says it is not; Clang's opt-outs.
  watch_plain(make());
  kick_copies(make());
  kick_wrapper(make());
}

// --- Lambdas.

void lambdas() {
  auto Lazy = [] { return fetch(std::string("z")); };
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: parameter 'Key' of 'fetch' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:20: note: the task is returned here
  // CHECK-NOTES: :[[@LINE-3]]:49: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :22:17: note: 'fetch' is declared here
  auto Coro = []() -> demo::task<> {
    auto T = lookup(make());
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: parameter 'Key' of 'lookup' refers to a temporary
    // CHECK-NOTES: :[[@LINE-2]]:27: note: the temporary is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+2]]:5: note: the task is awaited here, after the full expression that created it
    // CHECK-NOTES: :23:17: note: 'lookup' is declared here
    co_await T;
  };
  (void)Lazy;
  (void)Coro;
}

// --- Silent.

// Awaited in the full expression that created it: the temporary lives until
// the end of the full expression, which includes the await.
demo::task<> awaited_at_once() {
  co_await fetch(std::string("x"));
  co_await lookup(make());
  co_await demo::when_all(fetch(make()), lookup(make()));
  int Local = 0;
  auto T = count(&Local);
  co_await T;
}

// A lazy task that is dropped never runs (async-discarded-awaitable).
void dropped() { fetch(make()); }

// By-value parameters; references the caller received.
demo::task<> copied() {
  auto T = by_value(make());
  co_await T;
}
demo::task<int> borrowed(const std::string &Key) { return fetch(Key); }

// The definition is in this translation unit, after the call: the body is
// judged, and it never uses its parameter.
demo::task<int> defined_later(const std::string &Key);
demo::task<> uses_defined_later() {
  auto T = defined_later(make());
  co_await T;
}
demo::task<int> defined_later(const std::string &) { co_return 0; }

// A function that takes a task and returns one is an adapter: it takes the
// task over (moves it into a group, a frame of its own) before it returns
// (libcoro's thread_pool::spawn_joinable, defined in a source file).
struct pool {
  demo::task<> spawn_joinable(demo::task<> &&Task);
};
demo::task<> make_task();
demo::task<> joins(pool &P) {
  auto Join = P.spawn_joinable(make_task());
  co_await Join;
}
// Its twin: a coroutine that takes a string by rvalue reference borrows it.
demo::task<> send(std::string &&Data);
demo::task<> sends() {
  auto T = send(make());
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: parameter 'Data' of 'send' refers to a temporary
  // CHECK-NOTES: :[[@LINE-2]]:23: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-6]]:14: note: 'send' is declared here
  co_await T;
}

// A function that returns a reference to a task hands on one that exists.
demo::task<int> &&pass_on(demo::task<int> &T);
demo::task<int> pass_on_local() {
  demo::task<int> T;
  return pass_on(T);
}

// A visible function that is not a coroutine is judged by its body: it copies.
demo::task<int> wrapper(const std::string &Key) { return by_value(Key); }
demo::task<> uses_wrapper() {
  auto T = wrapper(make());
  co_await T;
}

// Dependent calls in a template pattern are judged in the instantiations.
template <class T> demo::task<> dependent(T Value) {
  auto Task = fetch_as(Value);
  co_await Task;
}
template demo::task<> dependent(int);

// A task type whose coroutine_traits pick another promise by the parameter
// types (concurrencpp's result is eager unless an executor is passed first):
// judged by the type alone, it is neither lazy nor eager for certain, so a
// declared coroutine returning it claims nothing.
namespace mixed {
struct executor_tag {};
template <class T> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  struct eager_promise : promise_type {
    std::suspend_never initial_suspend() noexcept { return {}; }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
} // namespace mixed
template <class T, class... Args>
struct std::coroutine_traits<mixed::task<T>, mixed::executor_tag, Args...> {
  using promise_type = typename mixed::task<T>::eager_promise;
};
mixed::task<int> mixed_fetch(const std::string &Key);

demo::task<> mixed_caller() {
  auto Task = mixed_fetch(std::string("key"));
  co_await Task;
}

// Its twin, whose every promise is lazy, is judged.
namespace lazyonly {
template <class T> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
} // namespace lazyonly
lazyonly::task<int> lazy_fetch(const std::string &Key);

demo::task<> lazy_caller() {
  auto Task = lazy_fetch(std::string("key"));
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: parameter 'Key' of 'lazy_fetch' refers to a temporary that its task outlives
  // CHECK-NOTES: :[[@LINE-2]]:44: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-7]]:21: note: 'lazy_fetch' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'lazyonly::task<int>' is a lazy task type: the body runs only after the call has returned
  co_await Task;
}

// --- The object of a declared member coroutine: its implicit reference
// parameter, borrowed as the others.

struct connection {
  demo::task<int> read();
  borrowing push();
  demo::fire_and_forget send();
};
connection connect();

demo::task<int> on_temporary_object() {
  auto T = connect().read();
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'read' is called on a temporary that its task outlives [async-dangling-reference]
  // CHECK-NOTES: :[[@LINE-2]]:27: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:13: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :298:19: note: 'read' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'demo::task<int>' is a lazy task type: the body runs only after the call has returned
  co_return co_await T;
}

demo::task<int> on_local_object() {
  connection C = connect();
  return C.read();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'read' is called on local 'C', which its task may outlive
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'C' is destroyed here
  // CHECK-NOTES: :298:19: note: 'read' is declared here
}

void eager_on_temporary_object() {
  connect().push();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'push' is called on a temporary
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE-3]]:18: note: the temporary is destroyed at the end of this full expression
  // CHECK-NOTES: :299:13: note: 'push' is declared here and defined elsewhere, so its task may use what it is given when it runs; 'borrowing' is marked 'coro_lifetimebound'
}

template <class Conn> demo::task<int> read_from(Conn C) {
  co_return co_await C.read();
}
template demo::task<int> read_from(connection);

// Silent: awaited in the full expression that made the temporary; a local
// that outlives the task; an eager task that says nothing of its object.
demo::task<int> object_lives() {
  int A = co_await connect().read();
  connection C = connect();
  auto T = C.read();
  int B = co_await T;
  connect().send();
  co_return A + B;
}
