// Defaults.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default

// Every call not declared noexcept may throw; an in-house discarding token;
// handlers that ignore an error code; an in-house spawn that drops the
// exceptions of what it starts.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unobserved-exception %t.custom \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.AnyCallMayThrow: true, \
// RUN:     async-unobserved-exception.DiscardingTokens: 'asio::detached_t;corp::forget_t', \
// RUN:     async-unobserved-exception.FailureTypes: '::std::exception_ptr;corp::error', \
// RUN:     async-unobserved-exception.DiscardingSpawnFunctions: 'corp::pool::launch'}}"

#include <exception>

#include "asio.hpp"

namespace corp {
struct forget_t {};
struct error {};
template <class F> void on_done(F &&) {}
struct pool {
  void launch(asio::awaitable<void>);
};
} // namespace corp

void opaque();
asio::awaitable<void> quiet() {
  opaque();
  co_return;
}

void start(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, quiet(), asio::detached);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'quiet' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-CUSTOM: :28:3: note: 'opaque' may throw here
  asio::co_spawn(Ctx, quiet(), corp::forget_t{});
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'quiet' are lost: 'asio::co_spawn' with 'corp::forget_t' discards them
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-CUSTOM: :28:3: note: 'opaque' may throw here
  corp::on_done([](corp::error) {});
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:20: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: the handler is given to 'corp::on_done' here; log the failure or rethrow it
}

asio::awaitable<void> fails() {
  co_await asio::this_coro::executor;
  throw corp::error();
}
void launches(corp::pool &Pool) {
  Pool.launch(fails());
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'fails' are lost: 'corp::pool::launch' drops them [async-unobserved-exception]
  // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:3: note: 'corp::pool::launch' gives the task no error channel; catch the exceptions inside the coroutine
  // CHECK-NOTES-CUSTOM: :[[@LINE-6]]:3: note: an exception is thrown here
}
