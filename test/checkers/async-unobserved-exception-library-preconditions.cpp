// Defaults: DPP's own logic exception is a precondition exception.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default
// A project's own, by the option.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unobserved-exception %t.custom \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.PreconditionExceptions: '::std::logic_error;::dpp::logic_exception;lib::logic_exception'}}"

// A library's settle-once guard throws its own logic exception, derived
// from std::exception and not from std::logic_error (DPP's promise setters:
// dpp::logic_exception, "cannot set a value on a promise that already has
// one"). Thrown in a called function, it reports a misuse, like an assert:
// the only settler of a fresh promise never gets it. Its true twins: a
// thread that parses input (std::invalid_argument for bad input), a subclass of
// the listed class (not listed itself), the class thrown by the thread's
// own body.

#include <exception>
#include <stdexcept>
#include <thread>
#include <utility>

#include "dpp/coro.h"

namespace lib {
struct exception : std::exception {};
struct logic_exception : exception {}; // misuse of the library
struct double_settle : logic_exception {};

template <class T> class promise {
  bool settled = false;
  void throw_if_settled() {
    if (settled)
      throw logic_exception{};
  }

public:
  void set_exception(std::exception_ptr) {
    throw_if_settled();
    settled = true;
  }
  void set_value(T) {
    if (settled)
      throw double_settle{};
    settled = true;
  }
};
} // namespace lib

#define FAIL_WITH(P) (P).set_exception(std::current_exception())

void settle_dpp() {
  dpp::promise<int> p;
  std::thread th{[q = std::move(p)]() mutable {
    q.set_exception(std::current_exception());
  }};
  th.join();
  dpp::basic_promise<int> b;
  std::thread tb{[&b] { b.set_value(1); }};
  tb.join();
  std::thread tm{[&b] { FAIL_WITH(b); }};
  tm.join();
}

template <class P> void settle_generic(P &p) {
  std::thread th{[&p] { p.set_value(1); }};
  th.join();
}
template void settle_generic(dpp::basic_promise<int> &);

void settle_lib() {
  lib::promise<int> p;
  std::thread th{[&p] { FAIL_WITH(p); }};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:25: note: 'lib::promise::set_exception' may throw here
  // CHECK-NOTES-DEFAULT: :48:22: note: expanded from macro 'FAIL_WITH'
  th.join();
}

// True twins.
int parse(const char *s) { // bad input
  if (!*s)
    throw std::invalid_argument("empty");
  return 1;
}

void parse_input(const char *input) {
  std::thread th{[input] {
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
    // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
    dpp::basic_promise<int> p;
    p.set_value(parse(input));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:17: note: 'parse' may throw here
    // CHECK-NOTES-CUSTOM: :[[@LINE-2]]:17: note: 'parse' may throw here
  }};
  th.join();
}

void subclass_thrown() {
  lib::promise<int> p;
  std::thread th{[&p] { p.set_value(1); }};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:25: note: 'lib::promise::set_value' may throw here
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:25: note: 'lib::promise::set_value' may throw here
  th.join();
}

void thrown_by_own_body() {
  std::thread th{[] { throw dpp::logic_exception{}; }};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:23: note: an exception is thrown here
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:18: warning: an exception escaping this thread function calls 'std::terminate'; catch it inside the function and hand it on [async-unobserved-exception]
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:23: note: an exception is thrown here
  th.join();
}
