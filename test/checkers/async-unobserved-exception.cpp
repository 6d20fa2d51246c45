// RUN: %check_async_lint %s async-unobserved-exception %t

#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "asio.hpp"
#include "task.h"

extern "C" int puts(const char *);
void opaque();
asio::awaitable<void> session(asio::ip::tcp::socket);

// --- Detached coroutines whose exceptions vanish.

asio::awaitable<void> listener(asio::ip::tcp::acceptor &Acceptor,
                               asio::io_context &Ctx) {
  for (;;) {
    auto Socket = co_await Acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(Ctx, session(std::move(Socket)), asio::detached);
  }
}

asio::awaitable<void> rethrows() {
  try {
    co_await session(asio::ip::tcp::socket(*static_cast<asio::io_context *>(nullptr)));
  } catch (...) {
    puts("failed");
    throw;
  }
}

asio::awaitable<void> catches_some() {
  try {
    throw std::exception(); // not a runtime_error
  } catch (std::runtime_error &) {
  }
  co_return;
}

void start(asio::ip::tcp::acceptor &Acceptor, asio::io_context &Ctx) {
  asio::co_spawn(Ctx, listener(Acceptor, Ctx), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'listener' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :20:19: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, rethrows(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'rethrows' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :30:5: note: an exception is thrown here
  asio::co_spawn(Ctx, catches_some(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'catches_some' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :36:5: note: an exception is thrown here
  asio::co_spawn(Ctx, []() -> asio::awaitable<void> {
    // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine lambda are lost
    // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
    // CHECK-NOTES: :[[@LINE+2]]:5: note: an exception is thrown here
    co_await asio::this_coro::executor;
    throw std::runtime_error("lambda");
  }, asio::detached);
}

// --- Silent: handlers that catch everything, observed exceptions, calls
// not known to throw.

asio::awaitable<void> catches_all() {
  try {
    throw std::runtime_error("bad");
  } catch (...) {
    puts("failed");
  }
  co_return;
}
asio::awaitable<void> catches_std() {
  try {
    co_await session(asio::ip::tcp::socket(*static_cast<asio::io_context *>(nullptr)));
  } catch (const std::exception &E) {
    puts(E.what());
  }
}
asio::awaitable<void> quiet() {
  opaque();
  co_return;
}

void observed(asio::io_context &Ctx, asio::ip::tcp::acceptor &Acceptor) {
  asio::co_spawn(Ctx, catches_all(), asio::detached);
  asio::co_spawn(Ctx, catches_std(), asio::detached);
  asio::co_spawn(Ctx, quiet(), asio::detached);
  asio::co_spawn(Ctx, listener(Acceptor, Ctx), [](std::exception_ptr E) {
    if (E)
      std::rethrow_exception(E);
  });
  asio::co_spawn(Ctx, listener(Acceptor, Ctx), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: exceptions thrown by coroutine 'listener' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'asio::co_spawn' here; log the failure or rethrow it
  // CHECK-NOTES: :20:19: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, listener(Acceptor, Ctx), [](std::exception_ptr Ignored) { puts("done"); });
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: exceptions thrown by coroutine 'listener' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'asio::co_spawn' here; log the failure or rethrow it
  // CHECK-NOTES: :20:19: note: the awaited operation reports failure by throwing here
  // An unseen coroutine: the handler still ignores what it receives.
  asio::co_spawn(Ctx, session(asio::ip::tcp::socket(Ctx)), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:63: warning: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'asio::co_spawn' here; log the failure or rethrow it
  // A coroutine seen to throw nothing sends no failure.
  asio::co_spawn(Ctx, quiet(), [](std::exception_ptr) {});
}

// --- Promises that swallow the exceptions of fire-and-forget coroutines.

struct logged_task {
  struct promise_type {
    logged_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { puts("error"); }
  };
};
struct stored_task {
  struct promise_type {
    std::exception_ptr Error;
    stored_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { Error = std::current_exception(); }
  };
};

demo::fire_and_forget notify() {
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: exceptions thrown in coroutine 'notify' are lost: nothing awaits it and its promise discards them
  // CHECK-NOTES: :[[@LINE+2]]:3: note: an exception is thrown here
  // CHECK-NOTES: task.h:36:10: note: 'unhandled_exception' drops the exception
  throw std::runtime_error("lost");
  co_return;
}
logged_task log_only() {
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: exceptions thrown in coroutine 'log_only' are lost: nothing awaits it and its promise discards them
  // CHECK-NOTES: :[[@LINE+2]]:3: note: an exception is thrown here
  // CHECK-NOTES: :119:10: note: 'unhandled_exception' drops the exception
  throw std::runtime_error("lost");
  co_return;
}
stored_task kept() {
  throw std::runtime_error("kept");
  co_return;
}
demo::fire_and_forget safe() {
  puts("nothing throws");
  co_return;
}
demo::task<> lazy_awaited() {
  throw std::runtime_error("the awaiter sees it");
  co_return;
}

// --- Threads whose function lets an exception escape.

void job() { throw std::runtime_error("job"); }
void threads() {
  std::thread A([] { throw std::runtime_error("thread"); });
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on
  // CHECK-NOTES: :[[@LINE-2]]:22: note: an exception is thrown here
  std::thread B(job);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: an exception escaping this thread function calls 'std::terminate'
  // CHECK-NOTES: :162:14: note: an exception is thrown here
  std::thread C([] {
    try {
      job();
    } catch (...) {
    }
  });
  std::thread D([] { puts("fine"); });
  A.join();
  B.join();
  C.join();
  D.join();
}

// A promise whose only throws check that it, or its argument, is not empty:
// used as intended it cannot fail. Its twin throws on a real failure.
struct state;
struct producer {
  state *m_state = nullptr;
  void set_exception(std::exception_ptr E) {
    if (!m_state)
      throw std::runtime_error("empty promise");
    if (!static_cast<bool>(E)) {
      throw std::runtime_error("null exception");
    }
    publish(E);
  }
  void publish(std::exception_ptr) noexcept;
  void deliver(int Value) {
    if (Value < 0)
      throw std::runtime_error("rejected");
  }
};
void producers(producer P) {
  std::thread A([P]() mutable { P.set_exception(std::current_exception()); });
  std::thread B([P]() mutable { P.deliver(1); });
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: an exception escaping this thread function calls 'std::terminate'
  // CHECK-NOTES: :[[@LINE-2]]:33: note: 'producer::deliver' may throw here
  A.join();
  B.join();
}

// --- Templates and macros.

template <class T> asio::awaitable<void> generic(T Value) {
  if (Value)
    throw std::runtime_error("generic");
  co_return;
}
#define DETACH(CTX, TASK) asio::co_spawn(CTX, TASK, asio::detached)
void spawn_generic(asio::io_context &Ctx) {
  DETACH(Ctx, generic(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'generic' are lost
  // CHECK-NOTES: :218:27: note: expanded from macro 'DETACH'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :218:27: note: expanded from macro 'DETACH'
  // CHECK-NOTES: :215:5: note: an exception is thrown here
}
