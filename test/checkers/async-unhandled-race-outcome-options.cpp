// Defaults: corp::first_of is no race.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unhandled-race-outcome %t.default
// An in-house race, listed.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unhandled-race-outcome %t.custom \
// RUN:   --config="{CheckOptions: {async-unhandled-race-outcome.RaceFunctions: 'corp::first_of'}}"

#include <variant>

#include "task.h"

namespace corp {
template <class A, class B> demo::task<std::variant<A, B>> first_of(demo::task<A>, demo::task<B>);
} // namespace corp
demo::task<int> fast();
demo::task<long> slow();

demo::task<> race() {
  auto Outcome = co_await corp::first_of(fast(), slow());
  (void)std::get<0>(Outcome);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed; check 'Outcome.index()' or use 'std::visit' first [async-unhandled-race-outcome]
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:18: note: either side of this race may complete first
}
