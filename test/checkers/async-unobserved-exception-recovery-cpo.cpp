// RUN: %check_async_lint %s async-unobserved-exception %t

// Recovery steps written as customisation-point objects (libunifex's
// upon_error and let_error: `upon_error(sender, fn)` or `sender |
// upon_error(fn)`): the library calls fn only from the receiver's
// set_error, and what fn returns (a value, or a sender for let_error)
// continues the chain. The call is the CPO's operator(), which is what
// RecoveryFunctions names (`unifex::_upon_error::_cpo::_fn::operator()`). A
// handler given to a CPO that is not a recovery step (one that calls fn on
// both paths) still ignores the failure it receives.

#include <exception>
#include <utility>

namespace unifex {
struct sender {};
namespace _upon_error {
namespace _cpo {
struct _fn {
  template <class Sender, class Func>
  sender operator()(Sender &&, Func &&) const { return {}; }
  template <class Func> sender operator()(Func &&) const { return {}; }
};
} // namespace _cpo
} // namespace _upon_error
inline constexpr _upon_error::_cpo::_fn upon_error{};
namespace _let_e {
namespace _cpo {
struct _fn final {
  template <class Sender, class Func>
  sender operator()(Sender &&, Func &&) const { return {}; }
};
} // namespace _cpo
} // namespace _let_e
inline constexpr _let_e::_cpo::_fn let_error{};
sender just(int);
} // namespace unifex

namespace corp {
// Calls fn with the outcome's exception_ptr, null on success: not a recovery.
struct on_done_fn {
  template <class Sender, class Func>
  unifex::sender operator()(Sender &&, Func &&) const { return {}; }
};
inline constexpr on_done_fn on_done{};
} // namespace corp

unifex::sender work();

#define FALLBACK(S, V) unifex::upon_error(S, [](std::exception_ptr) { return V; })

// --- Silent: recovery steps.

unifex::sender recovered() {
  (void)unifex::upon_error(work(), [](std::exception_ptr) { return -1; });
  (void)unifex::upon_error([](std::exception_ptr) { return -2; });
  (void)unifex::let_error(work(), [](auto) { return unifex::just(0); });
  return FALLBACK(work(), 3);
}
template <class E> unifex::sender typed() {
  return unifex::upon_error(work(), [](E) { return 4; });
}
template unifex::sender typed<std::exception_ptr>();

// --- Reported: a handler that produces nothing, or a CPO that calls the
// handler on both paths.

void dropped() {
  (void)unifex::upon_error(work(), [](std::exception_ptr) {});
  // CHECK-NOTES: :[[@LINE-1]]:39: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:27: note: the handler is given to 'unifex::_upon_error::_cpo::_fn::operator()' here; log the failure or rethrow it
  (void)corp::on_done(work(), [](std::exception_ptr) { return 1; });
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES: :[[@LINE-2]]:22: note: the handler is given to 'corp::on_done_fn::operator()' here; log the failure or rethrow it
}
