// RUN: %check_async_lint %s async-unobserved-exception %t

// Throws that cannot happen, and their true twins: an assert-like helper
// given a test of the object's own state (a precondition: only a misused
// object fails it), a virtual call whose body that runs does not throw, an
// asio || whose operands do not all fail, an operation whose completion
// signature carries no error; and asio 1.28's default token, deferred, which
// throws on failure when awaited.

#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "asio.hpp"

// --- An assert-like helper (async_simple's logicAssert).

namespace lib {
inline void ensure(bool Ok, const char *Message) {
  if (Ok) [[likely]]
    return;
  throw std::runtime_error(Message);
}
class promise {
public:
  promise() : State(new int(0)) {}
  promise(promise &&Other) : State(Other.State) { Other.State = nullptr; }
  bool valid() const { return State != nullptr; }
  int get_future() {
    ensure(valid(), "broken promise");
    ensure(!HasFuture, "future already taken");
    HasFuture = true;
    return 1;
  }
  void set_value(int V) {
    ensure(valid(), "broken promise");
    *State = V;
  }
  // Not a precondition on the object: the argument may be out of range.
  int checked(int V) {
    ensure(V < 10, "out of range");
    return V;
  }

private:
  int *State;
  bool HasFuture = false;
};
} // namespace lib

asio::awaitable<void> takes_future() {
  lib::promise P;
  P.get_future();
  co_return;
}
asio::awaitable<void> checks_range(int V) {
  lib::promise P;
  P.checked(V);
  co_return;
}

void preconditions(asio::io_context &Ctx, int V) {
  asio::co_spawn(Ctx, takes_future(), asio::detached);
  asio::co_spawn(Ctx, checks_range(V), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'checks_range' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :59:3: note: 'lib::promise::checked' may throw here
  lib::promise P;
  std::thread([P = std::move(P)]() mutable { P.set_value(1); }).detach();
  lib::promise Q;
  std::thread([Q = std::move(Q), V]() mutable { Q.checked(V); }).detach();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: an exception escaping this thread function calls 'std::terminate'
  // CHECK-NOTES: :[[@LINE-2]]:49: note: 'lib::promise::checked' may throw here
}

// --- Virtual calls: the body that runs.

struct executor_base {
  virtual ~executor_base() = default;
  virtual bool in_thread() const { throw std::runtime_error("not implemented"); }
};
struct simple_executor : executor_base {
  bool in_thread() const override { return false; }
};
struct identified {
  virtual ~identified() = default;
  virtual int id() const { throw std::runtime_error("no id"); }
};

asio::awaitable<void> known_dynamic_type() {
  simple_executor Simple;
  executor_base *E = &Simple;
  E->in_thread();
  co_return;
}
// Which override runs is not seen, and one that the unit has does not throw.
asio::awaitable<void> unknown_dynamic_type(executor_base &E) {
  E.in_thread();
  co_return;
}
// The base itself: its body runs and throws.
asio::awaitable<void> base_object() {
  executor_base Base;
  Base.in_thread();
  co_return;
}
// Nothing overrides it: its only body throws.
asio::awaitable<void> only_body(identified &I) {
  I.id();
  co_return;
}

void virtuals(asio::io_context &Ctx, executor_base &E, identified &I) {
  asio::co_spawn(Ctx, known_dynamic_type(), asio::detached);
  asio::co_spawn(Ctx, unknown_dynamic_type(E), asio::detached);
  asio::co_spawn(Ctx, base_object(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'base_object' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :105:3: note: 'executor_base::in_thread' may throw here
  asio::co_spawn(Ctx, only_body(I), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'only_body' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :110:3: note: 'identified::id' may throw here
}

// --- asio's default token and completion signatures.

asio::awaitable<void> default_token(asio::ip::tcp::socket &S, char *Data) {
  co_await S.async_receive(asio::buffer(Data, 16));
}
asio::awaitable<void> no_failure(asio::any_io_executor Ex) {
  co_await asio::defer(Ex);
}

void tokens(asio::io_context &Ctx, asio::ip::tcp::socket &S, char *Data) {
  asio::co_spawn(Ctx, default_token(S, Data), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'default_token' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :130:3: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, no_failure(Ctx.get_executor()), asio::detached);
}

// --- asio's a || b fails only when both fail; a && b when either does.

namespace asio::experimental::awaitable_operators {
template <class T, class U, class E>
awaitable<void, E> operator||(awaitable<T, E>, awaitable<U, E>);
template <class T, class U, class E>
awaitable<void, E> operator&&(awaitable<T, E>, awaitable<U, E>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

asio::awaitable<void> ok() { co_return; }
asio::awaitable<void> fails() {
  throw std::runtime_error("fails");
  co_return;
}

asio::awaitable<void> one_succeeds() { co_await (fails() || ok()); }
asio::awaitable<void> both_fail() { co_await (fails() || (fails() || fails())); }
asio::awaitable<void> one_fails() { co_await (ok() && fails()); }

void operators(asio::io_context &Ctx) {
  asio::co_spawn(Ctx, one_succeeds(), asio::detached);
  asio::co_spawn(Ctx, both_fail(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'both_fail' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :161:37: note: the awaited operation reports failure by throwing here
  asio::co_spawn(Ctx, one_fails(), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'one_fails' are lost
  // CHECK-NOTES: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES: :162:37: note: the awaited operation reports failure by throwing here
}


// --- A handler given to a thread: calling a std::function fails by itself
// only when it is empty (a misuse, like the precondition above); what its
// target throws is not followed, so the call is no evidence of a throw.
// The twin throws itself.

#include <functional>

void run_handler_on_a_thread(std::function<void(int)> &&Handler) {
  std::thread([Handler] { Handler(10); }).detach();
}
void run_handler_checked(std::function<void(int)> &&Handler, int V) {
  std::thread([Handler, V] {
    if (V < 0)
      throw std::runtime_error("negative");
    Handler(V);
  }).detach();
  // CHECK-NOTES: :[[@LINE-5]]:15: warning: an exception escaping this thread function calls 'std::terminate'
  // CHECK-NOTES: :[[@LINE-4]]:7: note: an exception is thrown here
}
