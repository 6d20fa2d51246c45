// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default
// RUN: %check_async_lint --check-suffix=LISTED %s async-unobserved-exception %t.listed \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.ForwardingAdaptors: 'shop::with_deadline'}}"

// A completion token adaptor wraps another token and hands its handler
// every completion of the operation, the exception included: asio's
// cancel_after and cancel_at (asio 1.30 and later) add a timeout,
// bind_executor, bind_cancellation_slot and bind_allocator attach an
// associated object, consign keeps values alive. A spawn given
// `cancel_after(30s, detached)` drops the task's exceptions exactly as one
// given `detached` does. The adaptors are classes of ForwardingAdaptors
// whose first template argument is the wrapped token (the LISTED run names
// an in-house one and drops asio's). A wrapped handler that rethrows is
// still a handler.

#include <chrono>
#include <exception>
#include <memory>
#include <stdexcept>
#include <utility>

#include "asio.hpp"

// The shapes of asio's adaptors: a class template over the wrapped token
// and a function that makes it.
namespace asio {
template <class Token, class Clock, class Executor = any_io_executor>
class cancel_after_t {
public:
  template <class T, class Duration>
  cancel_after_t(T &&Tok, Duration) : token_(static_cast<T &&>(Tok)) {}
  Token token_;
};
template <class Rep, class Period, class Token>
cancel_after_t<__remove_cvref(Token), std::chrono::steady_clock>
cancel_after(const std::chrono::duration<Rep, Period> &Timeout, Token &&Tok) {
  return {static_cast<Token &&>(Tok), Timeout};
}
template <class Token, class Clock, class Executor = any_io_executor>
class cancel_at_t {
public:
  Token token_;
};
template <class Clock, class Token>
cancel_at_t<__remove_cvref(Token), Clock> cancel_at(typename Clock::time_point,
                                                   Token &&Tok);
template <class T, class Executor> class executor_binder {
public:
  executor_binder(const Executor &, T Target) : target_(std::move(Target)) {}
  T target_;
};
template <class Executor, class T>
executor_binder<__remove_cvref(T), Executor> bind_executor(const Executor &Ex,
                                                          T &&Target) {
  return {Ex, static_cast<T &&>(Target)};
}
template <class Token, class... Values> class consign_t {
public:
  Token token_;
};
template <class Token, class... Values>
consign_t<__remove_cvref(Token), __remove_cvref(Values)...>
consign(Token &&Tok, Values &&...Kept);
} // namespace asio

namespace shop {
template <class Token> struct with_deadline {
  Token Inner;
};
template <class Token> with_deadline<__remove_cvref(Token)> deadline(Token &&T);
} // namespace shop

using namespace std::chrono_literals;

asio::awaitable<void> session(int Fd) {
  if (Fd < 0)
    throw std::runtime_error("bad socket");
  co_return;
}

void listen(asio::io_context &Ctx, int Fd) {
  auto Ex = Ctx.get_executor();
  asio::co_spawn(Ctx, session(Fd), asio::cancel_after(30s, asio::detached));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  asio::co_spawn(Ctx, session(Fd), asio::bind_executor(Ex, asio::detached));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  asio::co_spawn(Ctx, session(Fd),
                 asio::consign(asio::detached, std::make_shared<int>(1)));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // Adaptors around adaptors, and a token kept in a local.
  auto Token = asio::bind_executor(Ex, asio::cancel_after(5s, asio::detached));
  asio::co_spawn(Ctx, session(Fd), Token);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  asio::co_spawn(
      Ctx, session(Fd),
      asio::cancel_at<std::chrono::steady_clock>({}, asio::detached));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]

  // The in-house adaptor: reported only where it is listed.
  asio::co_spawn(Ctx, session(Fd), shop::deadline(asio::detached));
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]

  // Plain detached: reported in both runs.
  asio::co_spawn(Ctx, session(Fd), asio::detached);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]

  // A wrapped handler that sees the exception: silent.
  asio::co_spawn(Ctx, session(Fd),
                 asio::cancel_after(30s, [](std::exception_ptr E) {
                   if (E)
                     std::rethrow_exception(E);
                 }));
}

// In a template and through a macro.
#define SPAWN_WITH_TIMEOUT(ctx, task)                                          \
  asio::co_spawn(ctx, task, asio::cancel_after(10s, asio::detached))

template <class Ctx> void spawn_later(Ctx &C, int Fd) {
  SPAWN_WITH_TIMEOUT(C, session(Fd));
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'session' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
}
template void spawn_later(asio::io_context &, int);
