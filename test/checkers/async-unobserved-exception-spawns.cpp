// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unobserved-exception %t

// In-house spawns over a library spawn: a function whose visible body hands
// the task it is given to asio::co_spawn with asio::detached, or to
// libcoro's spawn_detached, directly or through another such function, loses
// what the task throws as the library spawn would. Reported at the call that
// hands it a task which can throw, with the library spawn as a note; silent
// where the wrapper passes a handler that sees the failure, chooses between
// two spawns, or is not visible, and for tasks that cannot throw.

#include <stdexcept>
#include <utility>

#include "asio.hpp"
#include "coro/libcoro.hpp"

bool failed();
void log(const char *);

asio::awaitable<void> handler() {
  if (failed())
    throw std::runtime_error("handler");
  co_return;
}
asio::awaitable<void> quiet() { co_return; }
coro::task<void> job() {
  if (failed())
    throw std::runtime_error("job");
  co_return;
}

// --- Wrappers that detach what they are given.

void spawn(asio::io_context &Ctx, asio::awaitable<void> Work) {
  asio::co_spawn(Ctx, std::move(Work), asio::detached);
}
template <class Awaitable> void spawn_t(asio::io_context &Ctx, Awaitable Work) {
  asio::co_spawn(Ctx, std::move(Work), asio::detached);
}
// Through a second wrapper.
void launch(asio::io_context &Ctx, asio::awaitable<void> Work) {
  log("launching");
  spawn(Ctx, std::move(Work));
}
void run_job(coro::thread_pool &Pool, coro::task<void> Job) {
  Pool.spawn_detached(std::move(Job));
}
#define SPAWN(ctx, work) spawn(ctx, work)

void uses(asio::io_context &Ctx, coro::thread_pool &Pool) {
  spawn(Ctx, handler());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'handler' are lost: function 'spawn' detaches it and drops them [async-unobserved-exception]
  // CHECK-NOTES: :22:5: note: an exception is thrown here
  // CHECK-NOTES: :35:3: note: 'asio::co_spawn' spawns it here with 'asio::detached_t', which drops its exceptions
  spawn_t(Ctx, handler());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'handler' are lost: function 'spawn_t' detaches it
  // CHECK-NOTES: :22:5: note: an exception is thrown here
  // CHECK-NOTES: :38:3: note: 'asio::co_spawn' spawns it here with 'asio::detached_t'
  launch(Ctx, handler());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'handler' are lost: function 'launch' detaches it
  // CHECK-NOTES: :22:5: note: an exception is thrown here
  // CHECK-NOTES: :43:3: note: function 'launch' hands it on to function 'spawn' here
  // CHECK-NOTES: :35:3: note: 'asio::co_spawn' spawns it here
  run_job(Pool, job());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'job' are lost: function 'run_job' detaches it
  // CHECK-NOTES: :28:5: note: an exception is thrown here
  // CHECK-NOTES: :46:3: note: 'coro::thread_pool::spawn_detached' spawns it here with no error channel
  SPAWN(Ctx, handler());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'handler' are lost: function 'spawn' detaches it
  // CHECK-NOTES: :48:26: note: expanded from macro 'SPAWN'
  // CHECK-NOTES: :22:5: note: an exception is thrown here
  // CHECK-NOTES: :35:3: note: 'asio::co_spawn' spawns it here
  auto Lambda = [&] {
    spawn(Ctx, handler());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: exceptions thrown by coroutine 'handler' are lost: function 'spawn' detaches it
    // CHECK-NOTES: :22:5: note: an exception is thrown here
    // CHECK-NOTES: :35:3: note: 'asio::co_spawn' spawns it here
  };
  Lambda();
}

// --- Silent twins.

// The wrapper hands a completion handler that sees the failure.
void spawn_logged(asio::io_context &Ctx, asio::awaitable<void> Work) {
  asio::co_spawn(Ctx, std::move(Work), [](std::exception_ptr E) {
    if (E)
      log("failed");
  });
}
// A choice between two spawns says nothing of every run.
void spawn_either(asio::io_context &Ctx, asio::awaitable<void> Work,
                  bool Quiet) {
  if (Quiet)
    asio::co_spawn(Ctx, std::move(Work), asio::detached);
  else
    asio::co_spawn(Ctx, std::move(Work), [](std::exception_ptr E) {
      if (E)
        log("x");
    });
}
// Not visible: may keep the failure.
void spawn_elsewhere(asio::io_context &Ctx, asio::awaitable<void> Work);
// A coroutine wrapper: its hand-off may never be reached.
asio::awaitable<void> later(asio::io_context &Ctx, asio::awaitable<void> Work) {
  co_await asio::this_coro::executor;
  asio::co_spawn(Ctx, std::move(Work), asio::detached);
}

void silent(asio::io_context &Ctx) {
  spawn_logged(Ctx, handler());
  spawn_either(Ctx, handler(), failed());
  spawn_elsewhere(Ctx, handler());
  // A task that cannot throw loses nothing.
  spawn(Ctx, quiet());
}
