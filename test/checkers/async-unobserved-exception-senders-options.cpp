// Defaults: an in-house adaptor is not known to forward its child's
// completions, so the handler's coroutine is not seen.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unobserved-exception %t.default

// Listed in ForwardingAdaptors: the coroutine behind it is followed.
// RUN: %check_async_lint --check-suffix=OWN %s async-unobserved-exception %t.own \
// RUN:   --config="{CheckOptions: {async-unobserved-exception.ForwardingAdaptors: 'corp::on_strand_t::operator()'}}"

#include <coroutine>
#include <exception>

namespace corp {
struct task {
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
struct strand {};
struct on_strand_t {
  template <class S> sender operator()(strand, S &&) const { return {}; }
};
inline constexpr on_strand_t on_strand{};
struct on_error_t {
  template <class S, class Fun> sender operator()(S &&, Fun fun) const {
    fun(std::exception_ptr{});
    return {};
  }
};
inline constexpr on_error_t on_error{};
} // namespace corp

corp::task idle() { co_return; }
corp::task fails() {
  throw 1;
  co_return;
}

void run(corp::strand s) {
  (void)corp::on_error(corp::on_strand(s, idle()), [](std::exception_ptr) {});
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:55: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:23: note: the handler is given to 'corp::on_error_t::operator()' here; log the failure or rethrow it
  (void)corp::on_error(corp::on_strand(s, fails()), [](std::exception_ptr) {});
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:56: warning: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:23: note: the handler is given to 'corp::on_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES-OWN: :[[@LINE-3]]:56: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives [async-unobserved-exception]
  // CHECK-NOTES-OWN: :[[@LINE-4]]:23: note: the handler is given to 'corp::on_error_t::operator()' here; log the failure or rethrow it
  // CHECK-NOTES-OWN: :40:3: note: an exception is thrown here
}
