// RUN: %check_async_lint %s async-work-never-run %t

// Work handed to a local context inside the body of a lambda that the
// function runs there: called in place, called by the name of the local it
// initialises, or given to std::invoke. The work is handed over at that call,
// which is reported, with a note at the hand-off in the lambda's body.

#include <thread>

#include "asio.hpp"
#include "concurrencpp/concurrencpp.h"

namespace std {
template <class F, class... A> decltype(auto) invoke(F &&Fn, A &&...Args) {
  return static_cast<F &&>(Fn)(static_cast<A &&>(Args)...);
}
} // namespace std

asio::awaitable<void> serve();
void job();
bool failed();
template <class F> void later(F &&) {}

// --- Reported.

void calledInPlace() {
  asio::io_context Ctx;
  [&] { asio::co_spawn(Ctx, serve(), asio::detached); }();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs: nothing runs 'Ctx' before it is destroyed [async-work-never-run]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the lambda called there hands the work to 'Ctx' here
}
// CHECK-NOTES: :[[@LINE-1]]:1: note: 'Ctx' is destroyed here without having been run; the work handed to it is destroyed unrun
// CHECK-NOTES: :[[@LINE-6]]:20: note: 'Ctx' is a local context: run it before it goes out of scope, or hand it to code that runs it

void calledByName() {
  concurrencpp::manual_executor Ex;
  auto Setup = [&Ex] { Ex.post(job); };
  if (failed())
    return;
  Setup();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ex' may never run: on some path 'Ex' is destroyed without being run
  // CHECK-NOTES: :[[@LINE-5]]:24: note: the lambda called there hands the work to 'Ex' here
  if (failed())
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: on this path 'Ex' is destroyed without having been run
  Ex.loop_once();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'Ex' is run here on other paths
}
// CHECK-NOTES: :[[@LINE-13]]:33: note: 'Ex' is a local context

void throughInvoke() {
  asio::io_context Ctx;
  std::invoke([&] { asio::post(Ctx, job); });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE-2]]:21: note: the lambda called there hands the work to 'Ctx' here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-5]]:20: note: 'Ctx' is a local context
}

// Called after the only run: run() has returned by then.
void calledAfterRun() {
  asio::io_context Ctx;
  auto Post = [&] { asio::post(Ctx, job); };
  Ctx.run();
  Post();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE-4]]:21: note: the lambda called there hands the work to 'Ctx' here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-7]]:20: note: 'Ctx' is a local context
}

// In a template and through a macro.
#define IN_PLACE(body) [&] { body; }()
template <class Context> void inTemplate() {
  Context Ctx;
  IN_PLACE(asio::post(Ctx, job));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: work handed to 'Ctx' never runs
  // CHECK-NOTES: :[[@LINE-5]]:24: note: expanded from macro 'IN_PLACE'
  // CHECK-NOTES: :[[@LINE-3]]:12: note: the lambda called there hands the work to 'Ctx' here
  // CHECK-NOTES: :[[@LINE+2]]:1: note: 'Ctx' is destroyed here
  // CHECK-NOTES: :[[@LINE-6]]:11: note: 'Ctx' is a local context
}
template void inTemplate<asio::io_context>();

// --- Silent twins.

// Called, then run.
void calledThenRun() {
  asio::io_context Ctx;
  [&] { asio::post(Ctx, job); }();
  Ctx.run();
}

// Never called: no work is handed over.
void neverCalled() {
  asio::io_context Ctx;
  auto Post = [&] { asio::post(Ctx, job); };
  (void)sizeof(Post);
}

// Given to code that may call it any time, on any thread: not placed.
void handedToLater() {
  asio::io_context Ctx;
  auto Post = [&] { asio::post(Ctx, job); };
  later(Post);
  Post();
}

// Run inside the lambda it is handed to: a thread that runs it.
void runInThread() {
  asio::io_context Ctx;
  [&] { asio::post(Ctx, job); }();
  std::thread T([&] { Ctx.run(); });
  T.join();
}

// A coroutine lambda: its body runs when its task is started.
void coroutineLambda() {
  asio::io_context Ctx;
  auto Task = [&]() -> asio::awaitable<void> {
    asio::post(Ctx, job);
    co_return;
  };
  Task();
}
