// Defaults: corp::first_of is no race.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-unhandled-race-outcome %t.default
// An in-house race, listed.
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-unhandled-race-outcome %t.custom \
// RUN:   --config="{CheckOptions: {async-unhandled-race-outcome.RaceFunctions: 'corp::first_of'}}"
// Assertions that do not report their condition's text, and the failure
// report of a throw assertion, listed.
// RUN: %check_async_lint --check-suffix=ASSERT %s async-unhandled-race-outcome %t.assert \
// RUN:   --config="{CheckOptions: {async-unhandled-race-outcome.RaceFunctions: 'corp::first_of', async-unhandled-race-outcome.AssertionMacros: 'CORP_VERIFY*', async-unhandled-race-outcome.AssertionFunctions: 'corp::expect_that', async-unhandled-race-outcome.ThrowAssertionReports: 'corp::report_not_thrown'}}"

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
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
  // CHECK-NOTES-ASSERT: :[[@LINE-3]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES-ASSERT: :[[@LINE-5]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}

// A project's assertions: a macro that does not stringize its condition and
// a function whose body is not visible. Facts only when listed.
void corp_fail();
#define CORP_VERIFY_WON(cond)                                                  \
  do {                                                                         \
    if (!(cond))                                                               \
      corp_fail();                                                             \
  } while (0)
namespace corp {
void expect_that(bool);
} // namespace corp
demo::task<> asserted_by_project() {
  auto Outcome = co_await corp::first_of(fast(), slow());
  CORP_VERIFY_WON(Outcome.index() == 0);
  (void)std::get<0>(Outcome);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
  auto Next = co_await corp::first_of(fast(), slow());
  corp::expect_that(Next.index() == 1);
  (void)std::get<0>(Next);
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES-CUSTOM: :[[@LINE-4]]:15: note: either side of this race may complete first; check 'Next.index()' or use 'std::visit' before reading its outcome
  // CHECK-NOTES-ASSERT: :[[@LINE-3]]:9: warning: 'std::get' reads alternative 0 of 'Next' after checking that alternative 1 won
  // CHECK-NOTES-ASSERT: :[[@LINE-5]]:21: note: 'Next' is checked to hold alternative 1 here, so reading alternative 0 throws 'std::bad_variant_access'
}

// A project's throw assertion: the race it evaluates for its exception is
// silent once its failure report is listed.
namespace corp {
void report_not_thrown(const char *);
} // namespace corp
#define CORP_EXPECT_THROWS(S)                                                  \
  do {                                                                         \
    try {                                                                      \
      S;                                                                       \
      corp::report_not_thrown(#S);                                             \
    } catch (...) {                                                            \
    }                                                                          \
  } while (0)
demo::task<> throw_asserted_by_project() {
  CORP_EXPECT_THROWS(co_await corp::first_of(fast(), slow()));
  // CHECK-NOTES-CUSTOM: :[[@LINE-1]]:22: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed
  // CHECK-NOTES-CUSTOM: :[[@LINE-8]]:7: note: expanded from macro 'CORP_EXPECT_THROWS'
  // CHECK-NOTES-CUSTOM: :[[@LINE-3]]:22: note: inspect the result, or cast it to 'void' when either side will do
  corp::expect_that(true);
}
