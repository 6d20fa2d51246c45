// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-unobserved-exception %t

// Evidence a throw needs, and the true twins: an operation whose initiating
// function names a completion signature without an error (asio's dispatch:
// async_initiate<Token, void()>, also through a user's initiating function, a
// wrapper, a macro and a lambda), and a typed handler that catches every
// type the try block can throw (also through derived classes, aliases and
// the exception_ptr a task's resume reports).

#include <exception>
#include <stdexcept>
#include <variant>

#include "asio.hpp"
#include "async_simple/Lazy.h"

// --- Completion signatures named where the operation is initiated.

namespace corp {
struct init {};
using handler_sig = void(std::exception_ptr, int);
// No error in the signature: cannot fail.
template <class Token> auto ping(Token &&T) {
  return asio::async_initiate<Token, void()>(init{}, T);
}
// A wrapper that returns another initiating call.
template <class Token> auto relay(Token &&T) { return asio::dispatch(T); }
// True twins: an error code first, an exception_ptr through a typedef, two
// signatures of which one reports failure.
template <class Token> auto checked_ping(Token &&T) {
  return asio::async_initiate<Token, void(asio::error_code)>(init{}, T);
}
template <class Token> auto job(Token &&T) {
  return asio::async_initiate<Token, handler_sig>(init{}, T);
}
template <class Token> auto either(Token &&T) {
  return asio::async_initiate<Token, void(), void(asio::error_code)>(init{}, T);
}
} // namespace corp

#define YIELD_NOW() co_await asio::dispatch(asio::use_awaitable)

asio::awaitable<void> yields() {
  co_await asio::dispatch(asio::use_awaitable);
  co_return;
}
asio::awaitable<int> yields_value() {
  co_await asio::dispatch(asio::use_awaitable);
  co_return 42;
}
template <class Token> asio::awaitable<void> pings(Token T) {
  co_await corp::ping(T);
  co_await corp::relay(T);
}
asio::awaitable<void> yields_in_macro() { YIELD_NOW(); }

asio::awaitable<void> checked_pings() { co_await corp::checked_ping(asio::use_awaitable); }
asio::awaitable<void> runs_job() { co_await corp::job(asio::use_awaitable); }
asio::awaitable<void> either_way() { co_await corp::either(asio::use_awaitable); }

void signatures(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, yields(), [](std::exception_ptr) {});
  asio::co_spawn(Ctx, yields_value(), [&](std::exception_ptr, int) {});
  asio::co_spawn(Ctx, yields(), asio::detached);
  asio::co_spawn(Ctx, pings(asio::use_awaitable), asio::detached);
  asio::co_spawn(Ctx, yields_in_macro(), asio::detached);
  asio::co_spawn(
      Ctx,
      []() -> asio::awaitable<void> {
        co_await asio::dispatch(asio::use_awaitable);
      },
      asio::detached);
  asio::co_spawn(Ctx, checked_pings(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'checked_pings' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :57:41: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, runs_job(), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: exceptions thrown by coroutine 'runs_job' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'asio::co_spawn' here; log the failure or rethrow it
  // CHECK-NOTES: :58:36: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, either_way(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'either_way' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :59:38: note: the awaited operation reports failure by throwing here
}

// --- A typed handler covers the types thrown in its try block.

namespace corp {
class bad_reply : public std::runtime_error {
public:
  bad_reply() : std::runtime_error("bad reply") {}
};
class other_error : public std::exception {};
using failure = std::runtime_error;

// A generator whose resume reports what its body threw as an exception_ptr.
template <class T> class gen;
template <class T> struct gen_promise {
  gen<T> get_return_object();
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  std::suspend_always yield_value(T) noexcept { return {}; }
  void return_void() {}
  void unhandled_exception() { Error = std::current_exception(); }
  std::exception_ptr Error;
};
template <class T> class gen {
public:
  using promise_type = gen_promise<T>;
  template <class Token> auto async_resume(Token &&Tok) {
    return asio::async_initiate<Token, void(std::exception_ptr, T)>(init{},
                                                                   Tok);
  }
};
template <class T> gen<T> gen_promise<T>::get_return_object() { return {}; }
} // namespace corp

asio::awaitable<void> throws_runtime() {
  throw std::runtime_error("runtime");
  co_return;
}
void parse(int V) {
  if (V > 3)
    throw corp::bad_reply();
}
asio::awaitable<void> throws_other() {
  throw corp::other_error();
  co_return;
}
corp::gen<int> counter() {
  co_yield 1;
  throw std::runtime_error("done");
}

asio::awaitable<void> caught_same() {
  try {
    co_await throws_runtime();
  } catch (std::runtime_error &) {
  }
}
asio::awaitable<void> caught_base(int V) {
  try {
    parse(V);
    throw corp::bad_reply();
  } catch (const corp::failure &) {
  }
  co_return;
}
asio::awaitable<void> caught_resume() {
  auto G = counter();
  try {
    for (;;)
      co_await G.async_resume(asio::use_awaitable);
  } catch (std::runtime_error &) {
  }
}
template <class E> asio::awaitable<void> caught_in_template() {
  try {
    co_await throws_runtime();
  } catch (E &) {
  }
}
// True twins: a type the handler does not catch, a throw of a type not
// known (a rethrow), an operation whose exception is not known, a
// template instantiated with the wrong handler.
asio::awaitable<void> caught_other() {
  try {
    co_await throws_runtime();
    co_await throws_other();
  } catch (std::runtime_error &) {
  }
}
asio::awaitable<void> rethrows(std::exception_ptr E) {
  try {
    std::rethrow_exception(E);
    throw;
  } catch (std::runtime_error &) {
  }
  co_return;
}
asio::awaitable<void> caught_unknown() {
  try {
    co_await corp::checked_ping(asio::use_awaitable);
  } catch (std::runtime_error &) {
  }
}

void handlers(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, caught_same(), asio::detached);
  asio::co_spawn(Ctx, caught_base(2), asio::detached);
  asio::co_spawn(Ctx, caught_resume(), asio::detached);
  asio::co_spawn(Ctx, caught_in_template<std::runtime_error>(), asio::detached);
  asio::co_spawn(Ctx, caught_in_template<corp::bad_reply>(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'caught_in_template' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :160:5: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, caught_other(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'caught_other' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :170:5: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, rethrows({}), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'rethrows' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :177:5: note: an exception is thrown here
  asio::co_spawn(Ctx, caught_unknown(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'caught_unknown' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :184:5: note: the awaited operation reports failure by throwing here
}

// --- A timer's wait fails only when the timer is cancelled: on a local
// timer nothing else reaches, nothing can cancel it.

void stop_later(asio::steady_timer &T);
#define PAUSE(T) co_await (T).async_wait(asio::use_awaitable)

asio::awaitable<void> pauses(asio::io_context &Ctx) {
  asio::steady_timer Timer(Ctx);
  Timer.expires_after(std::chrono::milliseconds(100));
  co_await Timer.async_wait(asio::use_awaitable);
  PAUSE(Timer);
}
template <class Timer> asio::awaitable<void> pauses_generic(asio::io_context &Ctx) {
  Timer T(Ctx);
  co_await T.async_wait(asio::use_awaitable);
}
// True twins: the timer handed to a function, captured by a lambda, a
// parameter; another operation on a local object.
asio::awaitable<void> shared_timer(asio::io_context &Ctx) {
  asio::steady_timer Timer(Ctx);
  stop_later(Timer);
  co_await Timer.async_wait(asio::use_awaitable);
}
asio::awaitable<void> captured_timer(asio::io_context &Ctx) {
  asio::steady_timer Timer(Ctx);
  auto Stop = [&Timer] { Timer.expires_after(std::chrono::milliseconds(0)); };
  Stop();
  co_await Timer.async_wait(asio::use_awaitable);
}
asio::awaitable<void> timer_parameter(asio::steady_timer &Timer) {
  co_await Timer.async_wait(asio::use_awaitable);
}
asio::awaitable<void> local_socket(asio::io_context &Ctx, char *Data) {
  asio::ip::tcp::socket S(Ctx);
  co_await S.async_read_some(asio::buffer(Data, 4), asio::use_awaitable);
}

void timers(asio::io_context &Ctx, asio::steady_timer &T, char *Data) {
  asio::co_spawn(Ctx, pauses(Ctx), asio::detached);
  asio::co_spawn(Ctx, pauses_generic<asio::steady_timer>(Ctx), asio::detached);
  asio::co_spawn(
      Ctx,
      [&Ctx]() -> asio::awaitable<void> {
        asio::steady_timer Timer(Ctx);
        co_await Timer.async_wait(asio::use_awaitable);
      },
      asio::detached);
  asio::co_spawn(Ctx, shared_timer(Ctx), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'shared_timer' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :233:3: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, captured_timer(Ctx), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'captured_timer' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :239:3: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, timer_parameter(T), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'timer_parameter' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :242:3: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, local_socket(Ctx, Data), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'local_socket' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :246:3: note: the awaited operation reports failure by throwing here
}

// --- std::get<N>(v) where an assertion (asio's ASIO_CHECK, which only
// logs), an early exit or an if states that v holds alternative N.

void report_failure(const char *);
#define CHECK_THAT(expr)                                                       \
  do {                                                                         \
    if (!(expr))                                                               \
      report_failure(#expr);                                                   \
  } while (0)
std::variant<int, long> pick();

asio::awaitable<void> reads_checked() {
  std::variant<int, long> V = pick();
  CHECK_THAT(V.index() == 1);
  CHECK_THAT(std::get<1>(V) == 2);
  V = pick();
  if (V.index() != 0)
    co_return;
  int A = std::get<0>(V);
  V = pick();
  if (V.index() == 1) {
    long B = std::get<1>(V);
  }
  co_return;
}
template <int N> asio::awaitable<void> reads_checked_generic() {
  std::variant<int, long> V = pick();
  CHECK_THAT(N == V.index());
  CHECK_THAT(std::get<N>(V) == 2);
  co_return;
}
// True twins: an assertion of another alternative after a safe read (the
// note is at the read that throws: awaitable_operators.cpp), a change after
// the assertion, an assertion in a block that ended.
asio::awaitable<void> reads_other() {
  std::variant<int, long> V = pick();
  CHECK_THAT(V.index() == 1);
  CHECK_THAT(std::get<1>(V) == 2);
  V = pick();
  CHECK_THAT(V.index() == 1);
  CHECK_THAT(std::get<0>(V) == 2);
  co_return;
}
asio::awaitable<void> reads_after_change() {
  std::variant<int, long> V = pick();
  CHECK_THAT(V.index() == 1);
  V = pick();
  long B = std::get<1>(V);
  co_return;
}
asio::awaitable<void> fact_ends_with_block(bool C) {
  std::variant<int, long> V = pick();
  if (C) {
    CHECK_THAT(V.index() == 1);
  }
  long B = std::get<1>(V);
  co_return;
}

void variants(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, reads_checked(), asio::detached);
  asio::co_spawn(Ctx, reads_checked_generic<1>(), asio::detached);
  asio::co_spawn(Ctx, reads_other(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'reads_other' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :317:14: note: 'std::get' may throw here
  asio::co_spawn(Ctx, reads_after_change(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'reads_after_change' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :324:12: note: 'std::get' may throw here
  asio::co_spawn(Ctx, fact_ends_with_block(true), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'fact_ends_with_block' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :332:12: note: 'std::get' may throw here
}

// --- A coroutine that runs the task a function handed in by its caller
// makes: the handler that ignores the Try loses what that task throws (the
// evidence is the await, async_simple's uthread::await).

async_simple::coro::Lazy<int> quiet_value() { co_return 1; }

template <class Fn> void start_made(Fn &&F) {
  auto Run = [](auto &&Make) -> async_simple::coro::Lazy<int> {
    int V = co_await Make();
    co_return V;
  };
  Run(static_cast<Fn &&>(F)).start([](auto &&) {}); // LSP-MISSING: [[@LINE]] needs async_simple header bodies clangd skips
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: exceptions thrown by coroutine lambda are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :[[@LINE-6]]:13: note: the task awaited here is made by 'Make', handed in by the caller; it may throw anything
}
async_simple::coro::Lazy<int> made_by(async_simple::coro::Lazy<int> (*Make)()) {
  co_return co_await Make();
}
void makers() {
  start_made([] { return quiet_value(); });
  made_by(&quiet_value).start([](auto &&) {}); // LSP-MISSING: [[@LINE]] needs async_simple header bodies clangd skips
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: exceptions thrown by coroutine 'made_by' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'async_simple::coro::Lazy::start' here; log the failure or rethrow it
  // CHECK-NOTES: :[[@LINE-7]]:13: note: the task awaited here is made by 'Make', handed in by the caller; it may throw anything
  // Silent: the coroutine awaits a task it makes itself, which throws
  // nothing.
  [](int) -> async_simple::coro::Lazy<int> { co_return co_await quiet_value(); }(1).start([](auto &&) {});
}
