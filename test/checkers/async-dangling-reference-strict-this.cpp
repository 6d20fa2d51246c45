// A member coroutine spawned detached on '*this' of a class that is not made
// to be shared: silent by default (who owns the object is not shown), reported
// with StrictDetachedThis.
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=DEFAULT %s async-dangling-reference %t.default
// RUN: %check_async_lint --modes=plugin,driver,lsp --check-suffix=STRICT %s async-dangling-reference %t.strict \
// RUN:   --config="{CheckOptions: {async-dangling-reference.StrictDetachedThis: true}}"

#include <memory>

#include "asio.hpp"

struct owned_context {
  owned_context() = default;
  owned_context(const owned_context &) = delete;
  asio::any_io_executor get_executor();
};

struct reader {
  asio::io_context &Ctx;
  int Bytes = 0;
  asio::awaitable<void> pump() {
    co_await asio::awaitable<void>();
    ++Bytes;
  }
  void start() {
    asio::co_spawn(Ctx, pump(), asio::detached);
    // CHECK-NOTES-STRICT: :[[@LINE-1]]:25: warning: coroutine 'pump' runs detached on '*this', and nothing keeps the object alive [async-dangling-reference]
    // CHECK-NOTES-STRICT: :[[@LINE-2]]:5: note: the task is spawned detached here
    // CHECK-NOTES-STRICT: :[[@LINE-6]]:7: note: the object is used here, when the task runs
  }
};

// Silent also when strict: the object owns the executor, or hands the task a
// strong reference.
struct owner {
  owned_context Own;
  int N = 0;
  asio::awaitable<void> loop() {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start() { asio::co_spawn(Own.get_executor(), loop(), asio::detached); }
};
struct shared {
  asio::io_context &Ctx;
  int N = 0;
  asio::awaitable<void> loop(std::shared_ptr<shared> Self) {
    co_await asio::awaitable<void>();
    ++N;
  }
  void start(std::shared_ptr<shared> Self) {
    asio::co_spawn(Ctx, loop(Self), asio::detached);
  }
};
