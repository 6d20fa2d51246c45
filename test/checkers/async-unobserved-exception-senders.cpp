// RUN: %check_async_lint %s async-unobserved-exception %t

// Error handlers of sender pipelines (std::execution, stdexec). A spawn into
// a scope takes only a sender that cannot fail, so a task's sender must go
// through upon_error first: the handler is required by the API, and it is
// judged like any completion handler (rule 3), with two facts:
// - a handler that never returns (it ends in std::terminate, std::abort, a
//   [[noreturn]] function, a visible function that ends so, or a throw, on
//   every path) stops the run at the failure: it does not drop it;
// - the coroutine whose failure the handler receives is followed through
//   the pipe (`sender | upon_error(h)`) and through adaptors that complete
//   with what their child completes with (ForwardingAdaptors: starts_on,
//   continues_on): a visible coroutine that cannot throw sends no failure.

#include <coroutine>
#include <exception>

namespace std {
[[noreturn]] void abort() noexcept;
} // namespace std

namespace stdexec {
template <class T = void> struct task {
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { error = std::current_exception(); }
    std::exception_ptr error;
  };
};
struct sender {};
struct scheduler {};
struct scope_token {};
// What a piped adaptor keeps until it is applied to a sender.
template <class Fun> struct error_closure { Fun fun; };
template <class Sch> struct transfer_closure { Sch sch; };
template <class Fun> struct value_closure { Fun fun; };
template <class S, class Fun> sender operator|(S &&, error_closure<Fun> c) {
  c.fun(std::exception_ptr{});
  return {};
}
template <class S, class Sch> sender operator|(S &&, transfer_closure<Sch>) {
  return {};
}
template <class S, class Fun> sender operator|(S &&, value_closure<Fun> c) {
  c.fun();
  return {};
}
struct starts_on_t {
  template <class Sch, class S> sender operator()(Sch, S &&) const {
    return {};
  }
};
inline constexpr starts_on_t starts_on{};
struct continues_on_t {
  template <class S, class Sch> sender operator()(S &&, Sch) const {
    return {};
  }
  template <class Sch> transfer_closure<Sch> operator()(Sch sch) const {
    return {sch};
  }
};
inline constexpr continues_on_t continues_on{};
struct upon_error_t {
  template <class S, class Fun> sender operator()(S &&, Fun fun) const {
    fun(std::exception_ptr{});
    return {};
  }
  template <class Fun> error_closure<Fun> operator()(Fun fun) const {
    return {fun};
  }
};
inline constexpr upon_error_t upon_error{};
// Not listed: its function may throw, which adds an error completion.
struct then_t {
  template <class Fun> value_closure<Fun> operator()(Fun fun) const {
    return {fun};
  }
};
inline constexpr then_t then{};
struct spawn_t {
  template <class S> void operator()(S &&, scope_token) const {}
};
inline constexpr spawn_t spawn{};
} // namespace stdexec

namespace ex = stdexec;

struct fatal {};
void log_line(const char *text) noexcept;
[[noreturn]] void give_up(const char *why);
// Not declared [[noreturn]], but its body ends the run on every path.
void crash(const char *why) {
  log_line(why);
  std::abort();
}
void note(const char *what) { log_line(what); }

ex::task<void> idle() { co_return; }
ex::task<void> fails() {
  throw fatal{};
  co_return;
}
ex::sender remote();

#define SPAWN_ON(sch, work, handler)                                           \
  ex::spawn(ex::starts_on(sch, work) | ex::upon_error(handler), tok)

// --- Silent: a handler that stops the run at the failure.

void stopping(ex::scheduler sch, ex::scope_token tok, bool strict) {
  ex::spawn(ex::starts_on(sch, fails()) |
                ex::upon_error([](auto) noexcept { std::terminate(); }),
            tok);
  ex::spawn(fails() | ex::upon_error([](std::exception_ptr) { std::abort(); }),
            tok);
  ex::spawn(remote() | ex::upon_error([](auto) noexcept { give_up("x"); }),
            tok);
  ex::spawn(fails() | ex::upon_error([](auto) noexcept {
              note("failed");
              crash("giving up");
            }),
            tok);
  ex::spawn(fails() | ex::upon_error([](std::exception_ptr) { throw fatal{}; }),
            tok);
  ex::spawn(fails() | ex::upon_error([strict](std::exception_ptr) {
              if (strict)
                std::terminate();
              else
                std::abort();
            }),
            tok);
  SPAWN_ON(sch, fails(), [](auto) noexcept { std::terminate(); });
}

// --- Silent: the coroutine behind the pipe and the adaptors cannot throw.

void no_failure(ex::scheduler sch, ex::scope_token tok) {
  auto quiet = []() -> ex::task<void> { co_return; };
  ex::spawn(ex::starts_on(sch, quiet()) | ex::upon_error([](auto) noexcept {}),
            tok);
  ex::spawn(ex::starts_on(sch, idle()) | ex::upon_error([](auto) noexcept {}),
            tok);
  ex::spawn(idle() | ex::continues_on(sch) |
                ex::upon_error([](std::exception_ptr) {}),
            tok);
  ex::spawn(ex::upon_error(ex::continues_on(ex::starts_on(sch, idle()), sch),
                           [](std::exception_ptr) {}),
            tok);
  SPAWN_ON(sch, idle(), [](auto) noexcept {});
}
template <class Sch> void no_failure_on(Sch sch, ex::scope_token tok) {
  ex::spawn(ex::starts_on(sch, idle()) | ex::upon_error([](auto) noexcept {}),
            tok);
}
template void no_failure_on(ex::scheduler, ex::scope_token);

// A recovery step: stdexec's upon_error calls the handler only on failure.
ex::sender recovered() {
  return ex::upon_error(fails(), [](std::exception_ptr) { return 0; });
}

// --- Reported: the coroutine can throw, and the handler drops or only logs
// the failure.

void dropped(ex::scheduler sch, ex::scope_token tok, bool strict) {
  ex::spawn(ex::starts_on(sch, fails()) | ex::upon_error([](auto) noexcept {}),
            tok);
  // CHECK-NOTES: :[[@LINE-2]]:61: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-3]]:57: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :103:3: note: an exception is thrown here
  ex::spawn(ex::starts_on(sch, fails()) |
                ex::upon_error([](auto) noexcept { note("failed"); }),
            tok);
  // CHECK-NOTES: :[[@LINE-2]]:35: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :103:3: note: an exception is thrown here
  ex::spawn(fails() | ex::continues_on(sch) |
                ex::upon_error([strict](std::exception_ptr) {
                  if (strict)
                    std::terminate();
                }),
            tok);
  // CHECK-NOTES: :[[@LINE-5]]:41: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-6]]:31: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :103:3: note: an exception is thrown here
  ex::spawn(fails() | ex::upon_error([strict](std::exception_ptr) {
              if (!strict)
                return;
              std::abort();
            }),
            tok);
  // CHECK-NOTES: :[[@LINE-6]]:47: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-7]]:37: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :103:3: note: an exception is thrown here
  SPAWN_ON(sch, fails(), [](auto) noexcept {});
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :109:54: note: expanded from macro 'SPAWN_ON'
  // CHECK-NOTES: :103:3: note: an exception is thrown here
}
template <class Sch> void dropped_on(Sch sch, ex::scope_token tok) {
  ex::spawn(ex::starts_on(sch, fails()) | ex::upon_error([](auto) noexcept {}),
            tok);
  // CHECK-NOTES: :[[@LINE-2]]:61: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-3]]:43: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES: :103:3: note: an exception is thrown here
}
template void dropped_on(ex::scheduler, ex::scope_token);

// --- Reported: no coroutine seen (a sender of unknown origin, or behind an
// adaptor not listed), as before.

void unknown(ex::scheduler sch, ex::scope_token tok) {
  ex::spawn(remote() | ex::upon_error([](auto) noexcept {}), tok);
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:38: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
  ex::spawn(ex::starts_on(sch, idle()) | ex::then([] {}) |
                ex::upon_error([](auto) noexcept {}),
            tok);
  // CHECK-NOTES: :[[@LINE-2]]:35: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: the handler is given to 'stdexec::upon_error_t::operator()' here; log the failure or rethrow it
}
