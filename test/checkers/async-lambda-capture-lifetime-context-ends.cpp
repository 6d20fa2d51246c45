// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t

// What ends a task spawned on a local execution context before the locals it
// borrows die (ContextEnds.h):
//  - the threads that run the context, joined after the spawn on every path
//    (nothing is left that could resume the task);
//  - the context's death first: a context derived from
//    asio::execution_context destroys the work it did not run;
// and a run of a context stopped (or sent a stop) before it, on every path,
// is no run to completion.

#include <string>
#include <functional>
#include <thread>
#include <vector>

#include "agrpc.hpp"

asio::awaitable<void> call(std::string &);
bool failed();

// --- Runner threads joined: silent.

void joined_runners_loop() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::vector<std::thread> Threads(2);
  for (auto &T : Threads)
    T = std::thread([&] { Ctx.run(); });
  for (int I = 0; I < 4; ++I)
    asio::co_spawn(
        Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
        asio::detached);
  for (auto &T : Threads)
    T.join();
}

void joined_runner_local() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  Runner.join();
}

void joined_runners_pushed() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::vector<std::thread> Threads;
  for (int I = 0; I < 2; ++I)
    Threads.push_back(std::thread([&] { Ctx.run(); }));
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  for (auto &T : Threads) {
    if (T.joinable())
      T.join();
  }
}

#define SPAWN_ON(ctx, fn) asio::co_spawn(ctx, fn, asio::detached)
template <class T> void joined_runners_template(T Value) {
  agrpc::GrpcContext Ctx;
  std::thread Runner([&] { Ctx.run(); });
  std::string S(Value);
  SPAWN_ON(Ctx, [&]() -> asio::awaitable<void> { co_await call(S); });
  Runner.join();
}
void instantiate() { joined_runners_template("x"); }

// A thread class is known by the blocking catalogue's waits, not by a name
// in the code: boost::thread::join is listed, so this runner is joined.
namespace boost {
class thread {
public:
  template <class F> explicit thread(F &&) {}
  void join() {}
  bool joinable() const { return true; }
};
} // namespace boost

// The context outlives 'Name' here, so only the join ends the task first.
void joined_boost_runner() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  boost::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  if (Runner.joinable())
    Runner.join();
}

// --- The context dies first and destroys the task: silent.

void context_dies_first() {
  bool Invoked = false;
  std::string Name = "world";
  {
    agrpc::GrpcContext Ctx;
    asio::post(Ctx.get_executor(), [&] { Ctx.stop(); });
    asio::co_spawn(
        Ctx,
        [&]() -> asio::awaitable<void> {
          co_await call(Name);
          Invoked = true;
        },
        asio::detached);
    Ctx.run();
  }
}

void context_never_run() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
}

// A stop on a path that leaves first: the run is still a run to completion.
void stop_on_a_leaving_path() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  if (failed()) {
    Ctx.stop();
    return;
  }
  Ctx.run();
}

// A stop in a handler of other work (a signal's) may never run: the run is
// still a run to completion.
void stop_in_a_signal_handler(std::function<void()> &OnSignal) {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  OnSignal = [&] { Ctx.stop(); };
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      asio::detached);
  Ctx.run();
}

// --- Reported.

void runner_detached() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Runner.detach();
}

void join_missing_on_a_path() {
  std::string Name = "world";
  agrpc::GrpcContext Ctx;
  std::thread Runner([&] { Ctx.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  if (failed())
    return;
  Runner.join();
}

void runner_of_another_context() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  agrpc::GrpcContext Other;
  std::thread Runner([&] { Other.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Runner.join();
}

void joined_before_the_spawn() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  std::thread Runner([&] { Ctx.run(); });
  Runner.join();
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
}

// A stopped context's run() returns at once: the task outlives 'Name' (the
// context is declared first, so it dies last).
void stopped_before_run() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  Ctx.stop();
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Ctx.run();
}

void stop_posted_before_run() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::post(Ctx.get_executor(), [&] { Ctx.stop(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Ctx.run();
}

// The context outlives 'Name' and is run on some paths only.
void context_declared_first_run_on_some_paths() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  if (failed())
    Ctx.run();
}

// A class made from a callable whose join() no list names may return at
// once: it is not read as a joined runner.
namespace mine {
class worker {
public:
  template <class F> explicit worker(F &&) {}
  void join() {}
};
} // namespace mine

void runner_of_an_unknown_thread_class() {
  agrpc::GrpcContext Ctx;
  std::string Name = "world";
  mine::worker Runner([&] { Ctx.run(); });
  asio::co_spawn(
      Ctx, [&]() -> asio::awaitable<void> { co_await call(Name); },
      // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: local 'Name' is captured by reference by a coroutine lambda whose task outlives it [async-lambda-capture-lifetime]
      asio::detached);
  Runner.join();
}
