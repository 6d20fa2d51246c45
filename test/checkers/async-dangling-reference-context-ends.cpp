// RUN: %check_async_lint --modes=plugin,driver %s async-dangling-reference %t

// What ends a task spawned on a local execution context before the locals it
// borrows die (ContextEnds.h), for a coroutine's reference parameters: the
// threads that run the context, joined after the spawn on every path; the
// context's death first (derived from asio::execution_context, it destroys
// the work it did not run). A run of a context stopped before it is no run
// to completion.

#include <string>
#include <thread>
#include <vector>

#include "agrpc.hpp"

asio::awaitable<void> call(std::string &);

asio::awaitable<void> request(agrpc::GrpcContext &Ctx, std::string &Name) {
  co_await call(Name);
  co_await call(Name);
  (void)Ctx;
}

bool failed();

// --- Silent.

void joined_runners() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::vector<std::thread> Threads(2);
  for (auto &T : Threads)
    T = std::thread([&] { Ctx.run(); });
  for (int I = 0; I < 4; ++I)
    asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  for (auto &T : Threads)
    T.join();
}

template <class Context> void joined_runner_template() {
  std::string Name = "world";
  Context Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  Runner.join();
}
template void joined_runner_template<agrpc::GrpcContext>();

void context_dies_first() {
  std::string Name = "world";
  {
    agrpc::GrpcContext Ctx;
    asio::post(Ctx.get_executor(), [&] { Ctx.stop(); });
    asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
    Ctx.run();
  }
}

// --- Reported.

void runner_detached() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'Ctx' of coroutine 'request' refers to local 'Ctx', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: parameter 'Name' of coroutine 'request' refers to local 'Name', which the task may outlive [async-dangling-reference]
  Runner.detach();
}

void one_runner_not_joined() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::thread First([&] { Ctx.run(); });
  std::thread Second([&] { Ctx.run(); });
  asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: parameter 'Ctx' of coroutine 'request' refers to local 'Ctx', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: warning: parameter 'Name' of coroutine 'request' refers to local 'Name', which the task may outlive [async-dangling-reference]
  First.join();
}

void stopped_before_run() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::post(Ctx.get_executor(), [&] { Ctx.stop(); });
  asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: parameter 'Name' of coroutine 'request' refers to local 'Name', which the task may outlive [async-dangling-reference]
  Ctx.run();
}

void context_declared_first_not_run() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::co_spawn(Ctx, request(Ctx, Name), asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: parameter 'Name' of coroutine 'request' refers to local 'Name', which the task may outlive [async-dangling-reference]
  if (failed())
    Ctx.run();
}
