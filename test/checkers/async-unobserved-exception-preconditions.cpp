// Defaults: std::logic_error is a precondition exception.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default
// An empty list: every throw counts; a listed alias counts as its class.
// RUN: %check_async_lint --check-suffix=NONE %s async-unobserved-exception %t.none \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.PreconditionExceptions: ''}}"
// RUN: %check_async_lint --check-suffix=ALIAS %s async-unobserved-exception %t.alias \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.PreconditionExceptions: 'corp::misuse'}}"

// Throws that cannot happen on a correct program: a called function whose
// only throw is a std::logic_error (the standard's report of faulty program
// logic: a settle-once promise settled twice) is a precondition check, like
// an assert. Its true twins: a subclass of logic_error (invalid_argument is
// thrown for bad input, std::stoi's), a runtime_error, a logic_error thrown
// by the thread's own body, a callee with a run-time failure besides. And a
// stackful spawn (Boost.Asio's spawn with a yield_context function) given the
// detached token: what escapes the function is lost, also through an
// assert-like helper `if (!ok) throw` given the caller's condition.

#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "asio.hpp"
#include "boost/asio.hpp"

// --- A settle-once promise (a JavaScript-like promise's fulfill).

namespace corp {
using misuse = std::logic_error;
} // namespace corp

struct once {
  bool settled = false;
  int value = 0;
  bool try_fulfill(int v) {
    if (settled)
      return false;
    settled = true;
    value = v;
    return true;
  }
  void fulfill(int v) {
    if (!try_fulfill(v))
      throw std::logic_error("promise is not pending");
  }
  // Through an alias of std::logic_error.
  void reject() {
    if (settled)
      throw corp::misuse("promise is not pending");
    settled = true;
  }
  // A subclass of logic_error: not listed (bad input is a run-time failure).
  void parse(const char *text) {
    if (!text)
      return;
    if (*text == 'x')
      throw std::invalid_argument("bad digit");
  }
  // A run-time failure besides the precondition.
  void store(int v) {
    if (settled)
      throw std::logic_error("promise is not pending");
    if (v < 0)
      throw std::runtime_error("negative");
    value = v;
  }
};

// A template, and a macro that writes the check.
#define REQUIRE_PENDING(cond)                                                  \
  if (!(cond))                                                                 \
  throw std::logic_error(#cond)
template <class T> struct once_t {
  int state = 0; // pending, fulfilled
  T value{};
  void fulfill(T v) {
    REQUIRE_PENDING(state == 0);
    state = 1;
    value = v;
  }
};

int only_settler() {
  once p;
  std::thread th{[&]() { p.fulfill(42); }};
  // CHECK-NOTES-NONE: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-2]]:26: note: 'once::fulfill' may throw here
  th.join();
  once q;
  std::thread tr{[&]() { q.reject(); }};
  // CHECK-NOTES-NONE: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-2]]:26: note: 'once::reject' may throw here
  tr.join();
  once_t<long> r;
  std::thread tt{[&]() { r.fulfill(7); }};
  // CHECK-NOTES-NONE: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-2]]:26: note: 'once_t::fulfill' may throw here
  tt.join();
  return p.value + q.value + int(r.value);
}

// The true twins.
int twins(const char *text) {
  once p;
  std::thread ta{[&]() { p.parse(text); }};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:26: note: 'once::parse' may throw here
  // CHECK-NOTES-NONE: :[[@LINE-3]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-4]]:26: note: 'once::parse' may throw here
  // CHECK-NOTES-ALIAS: :[[@LINE-5]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-ALIAS: :[[@LINE-6]]:26: note: 'once::parse' may throw here
  ta.join();
  std::thread tb{[&]() { p.store(3); }};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:26: note: 'once::store' may throw here
  // CHECK-NOTES-NONE: :[[@LINE-3]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-4]]:26: note: 'once::store' may throw here
  // CHECK-NOTES-ALIAS: :[[@LINE-5]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-ALIAS: :[[@LINE-6]]:26: note: 'once::store' may throw here
  tb.join();
  // The thread's own throw is no callee's precondition.
  std::thread tc{[&]() {
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
    // CHECK-NOTES-NONE: :[[@LINE-2]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
    // CHECK-NOTES-ALIAS: :[[@LINE-3]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
    if (p.settled)
      throw std::logic_error("settled twice");
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:7: note: an exception is thrown here
    // CHECK-NOTES-NONE: :[[@LINE-2]]:7: note: an exception is thrown here
    // CHECK-NOTES-ALIAS: :[[@LINE-3]]:7: note: an exception is thrown here
  }};
  tc.join();
  return p.value;
}

// A detached coroutine that settles a promise it made: silent too.
asio::awaitable<void> settles() {
  once p;
  p.fulfill(1);
  co_return;
}
void spawn_settler(asio::io_context &ctx) {
  asio::co_spawn(ctx, settles(), asio::detached);
  // CHECK-NOTES-NONE: :[[@LINE-1]]:3: warning: exceptions thrown by coroutine 'settles' are lost: 'asio::co_spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-2]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-NONE: :[[@LINE-7]]:3: note: 'once::fulfill' may throw here
}

// --- Stackful spawns (Boost.Asio's spawn with a yield_context function).

void require(bool ok) {
  if (!ok)
    throw std::runtime_error("REQUIRE failed");
}
bool check_reply(boost::asio::yield_context yield);

void stackful(boost::asio::io_context &ctx, asio::io_context &actx) {
  boost::asio::spawn(
      ctx, [](boost::asio::yield_context yield) { require(check_reply(yield)); },
      boost::asio::detached);
  // CHECK-NOTES-DEFAULT: :[[@LINE-3]]:3: warning: exceptions thrown by lambda are lost: 'boost::asio::spawn' with 'boost::asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:51: note: 'require' may throw here
  // CHECK-NOTES-NONE: :[[@LINE-6]]:3: warning: exceptions thrown by lambda are lost: 'boost::asio::spawn' with 'boost::asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-7]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-NONE: :[[@LINE-7]]:51: note: 'require' may throw here
  // CHECK-NOTES-ALIAS: :[[@LINE-9]]:3: warning: exceptions thrown by lambda are lost: 'boost::asio::spawn' with 'boost::asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-ALIAS: :[[@LINE-10]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-ALIAS: :[[@LINE-10]]:51: note: 'require' may throw here
  // Silent: the handler rethrows; the body catches everything; the body
  // only checks a precondition of a promise it made.
  boost::asio::spawn(
      ctx, [](boost::asio::yield_context yield) { require(check_reply(yield)); },
      [](std::exception_ptr e) {
        if (e)
          std::rethrow_exception(e);
      });
  boost::asio::spawn(
      ctx,
      [](boost::asio::yield_context yield) {
        try {
          require(check_reply(yield));
        } catch (...) {
        }
      },
      boost::asio::detached);
  asio::spawn(
      actx,
      [](asio::yield_context) {
        once p;
        p.fulfill(2);
      },
      asio::detached);
  // CHECK-NOTES-NONE: :[[@LINE-7]]:3: warning: exceptions thrown by lambda are lost: 'asio::spawn' with 'asio::detached_t' discards them [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-8]]:3: note: pass a completion handler that logs or rethrows the 'std::exception_ptr'
  // CHECK-NOTES-NONE: :[[@LINE-5]]:9: note: 'once::fulfill' may throw here
}

// --- A variant's alternative set by emplace<N>, of a member too (a promise's
// state that a settle call fills under its lock): std::get<N> after it
// cannot throw. The twins read another alternative, or call a function that
// may change the member in between.

#include <variant>

void notify(); // not seen: it may reach the state

struct state {
  std::variant<std::monostate, int, long> value;
  int fulfil(int v) {
    if (value.index() != 0)
      return 0;
    value.emplace<1>(v);
    return std::get<1>(value);
  }
  int misread(int v) {
    value.emplace<1>(v);
    return std::get<2>(value);
  }
  int changed(int v) {
    value.emplace<1>(v);
    notify();
    return std::get<1>(value);
  }
};

void variants() {
  state s;
  std::thread([&] { s.fulfil(1); }).detach();
  std::thread([&] {
    std::variant<int, long> local;
    local.emplace<1>(2L);
    (void)std::get<1>(local);
  }).detach();
  std::thread([&] { s.misread(1); }).detach();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:21: note: 'state::misread' may throw here
  // CHECK-NOTES-NONE: :[[@LINE-3]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-4]]:21: note: 'state::misread' may throw here
  // CHECK-NOTES-ALIAS: :[[@LINE-5]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-ALIAS: :[[@LINE-6]]:21: note: 'state::misread' may throw here
  std::thread([&] { s.changed(1); }).detach();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:21: note: 'state::changed' may throw here
  // CHECK-NOTES-NONE: :[[@LINE-3]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-NONE: :[[@LINE-4]]:21: note: 'state::changed' may throw here
  // CHECK-NOTES-ALIAS: :[[@LINE-5]]:15: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-ALIAS: :[[@LINE-6]]:21: note: 'state::changed' may throw here
}
