// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t

// A task spawned on a local execution context that the function then runs
// until it is out of work (SyncWaitFunctions: io_context::run, asio-grpc's
// GrpcContext::run) is over before the locals it borrows die. Reported: a
// context the caller runs later, a context polled (poll() runs only what is
// ready) that outlives the locals (one declared after them would destroy
// the task first: async-lambda-capture-lifetime-context-ends.cpp).

#include <string>

#include "agrpc.hpp"

asio::awaitable<void> call(std::string &);

void run_after_spawn() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  Ctx.run();
}

#define SPAWN_ON(ctx, fn) asio::co_spawn(ctx, fn, asio::detached)
template <class T> void run_after_spawn_template(T Value) {
  agrpc::GrpcContext Ctx;
  SPAWN_ON(Ctx, [&]() -> asio::awaitable<void> {
    std::string S(Value);
    co_await call(S);
    (void)Value;
  });
  Ctx.run();
}
void instantiate() { run_after_spawn_template("x"); }

// --- Reported.

void run_by_caller(agrpc::GrpcContext &Ctx) {
  std::string Name = "world";
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
}

void polled() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Ctx.poll();
}
