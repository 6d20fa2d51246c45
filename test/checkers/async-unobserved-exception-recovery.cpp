// RUN: %check_async_lint %s async-unobserved-exception %t

// A recovery step: a continuation that the library calls only when the
// result is a failure, with a callback whose parameter is the failure type,
// and that continues the chain with what the callback returns (YACLib's
// Then and ThenInline: algo/detail/core.hpp calls a callback invocable with
// std::exception_ptr or the error type only on an exception). Such a
// callback that returns a value handles the failure, as `catch (...) {
// return fallback; }` does: silent (RecoveryFunctions lists the
// continuations). Also through a helper whose visible body hands the
// callback on to one (a test's InlineThen). A callback that produces
// nothing, or one given to a function not known to call it only on
// failure (a helper whose body does not hand it on to one), still ignores
// the failure it receives.

#include <exception>
#include <utility>

namespace yaclib {
template <class V> struct Future {
  // Then(f): f(V) runs on a value; f(std::exception_ptr) runs only on a
  // failure, and what it returns becomes the value of the chain.
  template <class F> Future<V> Then(F &&Fn) && { return {}; }
  template <class F> Future<V> ThenInline(F &&Fn) && { return {}; }
  V Get() &&;
};
} // namespace yaclib

yaclib::Future<int> parse();
// Keeps the callback for later: not a continuation called only on failure.
template <class F> int apply(yaclib::Future<int> &&, F &&Fn) { return 0; }

template <bool Inline, class Fut, class Func>
auto InlineThen(Fut &&Future, Func &&Fn) {
  if constexpr (Inline)
    return std::move(Future).ThenInline(std::forward<Func>(Fn));
  else
    return std::move(Future).Then(std::forward<Func>(Fn));
}

#define RECOVER(F, V) std::move(F).Then([](std::exception_ptr) { return V; })

// --- Silent: recovery steps.

int recovered() {
  auto Handler = [](std::exception_ptr) -> int { return 42; };
  int A = parse().Then(Handler).Get();
  int B = parse().ThenInline([](std::exception_ptr) { return 1; }).Get();
  int C = InlineThen<true>(parse(), [](std::exception_ptr) { return 2; }).Get();
  int D = InlineThen<false>(parse(), [](std::exception_ptr) { return 3; }).Get();
  auto F = parse();
  int E = RECOVER(F, 4).Get();
  return A + B + C + D + E;
}

template <class Error> int typed() {
  return parse().Then([](Error) { return 5; }).Get();
}
template int typed<std::exception_ptr>();

// --- Reported: the failure is dropped.

void dropped() {
  (void)parse().Then([](std::exception_ptr) {}).Get();
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the handler is given to 'yaclib::Future::Then' here; log the failure or rethrow it
  (void)apply(parse(), [](std::exception_ptr) { return 1; });
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: the handler is given to 'apply' here; log the failure or rethrow it
}
