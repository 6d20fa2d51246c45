// RUN: %check_async_lint %s async-lambda-capture-lifetime %t

#include <memory>
#include <string>
#include <utility>

#include "asio.hpp"
#include "folly/coro/Task.h"
#include "task.h"

demo::task<> sub();
asio::awaitable<void> op();

// --- A temporary closure whose task outlives the full expression.

demo::task<> temporary_closure() {
  int X = 1;
  auto T = [X]() -> demo::task<> {
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures [async-lambda-capture-lifetime]
    // CHECK-NOTES: :[[@LINE+5]]:5: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE+5]]:3: note: the task is awaited here, after the full expression that created it
    // CHECK-NOTES: :[[@LINE+2]]:11: note: capture 'X' is used here, when the task runs
    co_await sub();
    (void)X;
  }();
  co_await T;
  // Awaited at once: the closure lives until the task is done.
  co_await [X]() -> demo::task<> {
    co_await sub();
    (void)X;
  }();
}

demo::task<> returned_temporary_closure(int X) {
  return [X]() -> demo::task<> { co_await sub(); (void)X; }();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE-3]]:61: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-4]]:56: note: capture 'X' is used here, when the task runs
}

void spawned_temporary_closure(asio::io_context &Ctx, std::string S) {
  asio::co_spawn(Ctx, [S]() -> asio::awaitable<void> { co_await op(); (void)S.size(); }(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-3]]:106: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-4]]:77: note: capture 'S' is used here, when the task runs
}

void eager_temporary_closure(int X) {
  [X]() -> demo::fire_and_forget { co_await sub(); (void)X; }();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the eager task is dropped here and runs on detached
  // CHECK-NOTES: :[[@LINE-3]]:63: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE-4]]:58: note: capture 'X' is used here, after the coroutine may have suspended
}

// --- A named closure that dies before its task is done.

demo::task<> returned_named_closure() {
  std::string Name;
  auto Lambda = [Name]() -> demo::task<> { co_await sub(); (void)Name.size(); };
  return Lambda();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: closure 'Lambda' of a coroutine lambda is destroyed while its task may still use the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is returned here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Lambda' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:66: note: capture 'Name' is used here, when the task runs
}

void spawned_named_closure(asio::io_context &Ctx) {
  int X = 0;
  auto Lambda = [X]() -> asio::awaitable<void> { co_await op(); (void)X; };
  asio::co_spawn(Ctx, Lambda(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: closure 'Lambda' of a coroutine lambda is destroyed while its task may still use the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Lambda' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:71: note: capture 'X' is used here, when the task runs
}

// --- A function object handed to an API that calls it and destroys it.

template <class F> void call_once(F Fn) { Fn(); }
template <class F> void call_ref(F &Fn) { Fn(); }
void callbacks(demo::thread_pool &Pool) {
  std::string S;
  Pool.post([S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); });
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'demo::thread_pool::post' is destroyed while the coroutine may still run
  // CHECK-NOTES: :[[@LINE-2]]:68: note: capture 'S' is used here, after the coroutine may have suspended
  call_once([S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); });
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine lambda with captures passed to 'call_once' is destroyed while the coroutine may still run
  // CHECK-NOTES: :82:43: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :[[@LINE-3]]:68: note: capture 'S' is used here, after the coroutine may have suspended
  // Silent: the lazy task is dropped and never runs; a captureless lambda;
  // a function object the callee does not own.
  Pool.post([S]() -> demo::task<> { co_await sub(); (void)S.size(); });
  Pool.post([]() -> demo::fire_and_forget { co_await sub(); });
  auto Named = [S]() -> demo::fire_and_forget { co_await sub(); (void)S.size(); };
  call_ref(Named);
}

// --- Locals captured by reference into a task that outlives them.

void spawned_by_reference(asio::io_context &Ctx) {
  int Count = 0;
  std::string Name;
  asio::co_spawn(Ctx, [&Count, Name]() -> asio::awaitable<void> {
    // CHECK-NOTES: :[[@LINE-1]]:25: warning: local 'Count' is captured by reference by a coroutine lambda whose task outlives it
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
    // CHECK-NOTES: :[[@LINE+6]]:1: note: 'Count' is destroyed here
    // CHECK-NOTES: :[[@LINE+2]]:7: note: 'Count' is used here, when the task runs
    co_await op();
    ++Count;
    (void)Name.size();
  }, asio::detached);
}

void kept_alive_by_reference(folly::Executor *Ex) {
  int Count = 0;
  folly::coro::co_invoke([&]() -> folly::coro::Task<> {
    // CHECK-NOTES: :[[@LINE+5]]:7: warning: local 'Count' is captured by reference by a coroutine lambda whose task outlives it
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned here
    // CHECK-NOTES: :[[@LINE+5]]:1: note: 'Count' is destroyed here
    // CHECK-NOTES: :[[@LINE+2]]:7: note: 'Count' is used here, when the task runs
    co_await sub();
    ++Count;
  }).scheduleOn(Ex).start();
}

int main_like() {
  asio::io_context Ctx;
  int Count = 0;
  // Silent: the function runs the executor to completion while Count lives.
  asio::co_spawn(Ctx, [&]() -> asio::awaitable<void> { co_await op(); ++Count; }, asio::detached);
  Ctx.run();
  // Silent: co_spawn keeps the function object, and its copies, alive.
  asio::co_spawn(Ctx, [Count]() -> asio::awaitable<void> { co_await op(); (void)Count; }, asio::detached);
  return Count;
}

// --- 'this' in a detached coroutine lambda.

struct session : std::enable_shared_from_this<session> {
  int Bytes = 0;
  void start(asio::io_context &Ctx) {
    asio::co_spawn(Ctx, [this]() -> asio::awaitable<void> {
      // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'this' is captured by a coroutine lambda that runs detached, and nothing keeps the object alive
      // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is spawned detached here
      co_await op();
      ++Bytes;
      // CHECK-NOTES: :[[@LINE-1]]:9: note: 'this' is used here, when the task runs
      // CHECK-NOTES: :[[@LINE-6]]:26: note: capture a 'shared_from_this()' copy to keep the object alive while the task runs
    }, asio::detached);
    asio::co_spawn(Ctx, [this, Self = shared_from_this()]() -> asio::awaitable<void> {
      co_await op();
      ++Bytes;
    }, asio::detached);
  }
};

// --- Templates, macros, lambdas in lambdas.

template <class T> demo::task<> generic(T Value) {
  auto Task = [Value](auto Extra) -> demo::task<> { co_await sub(); (void)(Value + Extra); }(1);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
  // CHECK-NOTES: :[[@LINE-2]]:95: note: the closure is destroyed at the end of this full expression
  // CHECK-NOTES: :[[@LINE+2]]:3: note: the task is awaited here, after the full expression that created it
  // CHECK-NOTES: :[[@LINE-4]]:76: note: capture 'Value' is used here, when the task runs
  co_await Task;
}
template demo::task<> generic<int>(int);
template demo::task<> generic<long>(long);

#define DETACH(CTX, LAMBDA) asio::co_spawn(CTX, LAMBDA(), asio::detached)
void by_macro(asio::io_context &Ctx) {
  int X = 0;
  auto Lambda = [X]() -> asio::awaitable<void> { co_await op(); (void)X; };
  DETACH(Ctx, Lambda);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: closure 'Lambda' of a coroutine lambda is destroyed while its task may still use the captures
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is spawned detached here
  // CHECK-NOTES: :[[@LINE-7]]:29: note: expanded from macro 'DETACH'
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Lambda' is destroyed here
  // CHECK-NOTES: :[[@LINE-6]]:71: note: capture 'X' is used here, when the task runs
}

demo::task<> nested() {
  auto Outer = [](int X) {
    return [X]() -> demo::task<> { co_await sub(); (void)X; }();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the task is returned here
    // CHECK-NOTES: :[[@LINE-3]]:63: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE-4]]:58: note: capture 'X' is used here, when the task runs
  };
  co_await Outer(1);
}

// --- Silent.

demo::task<> silent(int X) {
  auto Named = [X]() -> demo::task<> { co_await sub(); (void)X; };
  co_await Named();
  auto Later = Named();
  co_await Later;
  // Captureless: no closure state to lose.
  auto Plain = []() -> demo::task<> { co_await sub(); };
  auto Free = Plain;
  co_await Free();
  // Captures used only before the first suspension of an eager coroutine.
  [X]() -> demo::fire_and_forget {
    (void)X;
    co_await sub();
  }();
}
demo::task<> returns_plain() {
  return []() -> demo::task<> { co_await sub(); }();
}

// --- Generators: the range expression's temporaries die before the loop
// (until C++23).

#include <vector>
#include "generator.h"
void iterate(std::vector<int> Values) {
  for (int I : [Values]() -> demo::generator<int> { for (int V : Values) co_yield V; }())
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: the closure of this coroutine lambda is destroyed before its task is done with the captures
    // CHECK-NOTES: :[[@LINE-2]]:3: note: the task is iterated here, after the temporaries of the range expression are destroyed
    // CHECK-NOTES: :[[@LINE-3]]:88: note: the closure is destroyed at the end of this full expression
    // CHECK-NOTES: :[[@LINE-4]]:66: note: capture 'Values' is used here, when the task runs
    (void)I;
  auto Named = [Values]() -> demo::generator<int> { for (int V : Values) co_yield V; };
  for (int I : Named())
    (void)I;
}
