// An in-house completion token that writes the error code into a variable,
// listed in RedirectingTokens; by default it is not known to write one.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unhandled-race-outcome %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unhandled-race-outcome %t.custom \
// RUN:   --config="{CheckOptions: {async-unhandled-race-outcome.RedirectingTokens: 'corp::on_error_t'}}"

#include <variant>

#include "asio.hpp"

namespace corp {
struct status {
  explicit operator bool() const;
};
struct on_error_t {
  explicit on_error_t(status &);
};
on_error_t on_error(status &);
} // namespace corp
namespace asio::experimental::awaitable_operators {
template <class A, class B>
awaitable<std::variant<A, B>> operator||(awaitable<A>, awaitable<B>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

asio::awaitable<int> fetch(corp::on_error_t);
asio::awaitable<long> sleep(corp::on_error_t);
void log(const char *);

asio::awaitable<void> tested() {
  corp::status Fetch, Sleep;
  co_await (fetch(corp::on_error(Fetch)) || sleep(corp::on_error(Sleep)));
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: inspect the result, or cast it to 'void' when either side will do
  if (Fetch)
    log("fetch cancelled");
}

// Listed or not, a race whose codes are not tested after it is reported.
asio::awaitable<void> untested() {
  corp::status Fetch, Sleep;
  co_await (fetch(corp::on_error_t(Fetch)) || sleep(corp::on_error(Sleep)));
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: inspect the result
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:3: warning: the outcome of this race is discarded
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:3: note: inspect the result
  log("done");
}
