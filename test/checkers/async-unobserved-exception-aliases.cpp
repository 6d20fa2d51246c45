// RUN: %check_async_lint %s async-unobserved-exception %t --config="{CheckOptions: {async-unobserved-exception.FailureTypes: '::corp::failure'}}"

// A failure type named in FailureTypes by an alias, as libstdc++ names
// std::exception_ptr (a using-declaration of the class in a nested
// namespace): matched by the class the name resolves to. The real header is
// tried in async-unobserved-exception-real-headers.test.

#include <stdexcept>

#include "asio.hpp"

namespace corp {
namespace detail {
class failure {};
class other {};
} // namespace detail
using detail::failure;
using error_handle = detail::failure;
} // namespace corp

asio::awaitable<void> fails() {
  throw std::runtime_error("fails");
  co_return;
}

template <class Task, class Handler> void launch(Task &&, Handler &&) {}

void aliases() {
  launch(fails(), [](corp::failure) {});
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'launch' here; log the failure or rethrow it
  // CHECK-NOTES: :22:3: note: an exception is thrown here
  launch(fails(), [](corp::error_handle) {});
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: exceptions thrown by coroutine 'fails' are lost: this completion handler ignores the failure it receives
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the handler is given to 'launch' here; log the failure or rethrow it
  // CHECK-NOTES: :22:3: note: an exception is thrown here
  // Silent: the handler looks at it; another class.
  launch(fails(), [](corp::failure F) { (void)F; });
  launch(fails(), [](corp::detail::other) {});
}
