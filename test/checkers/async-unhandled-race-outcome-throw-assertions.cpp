// RUN: %check_async_lint %s async-unhandled-race-outcome %t
// A race that a test framework's throw assertion evaluates for its exception
// has no outcome to misread: the test wants it to throw, and no code reads
// what it returns. Mocks in the shape of the frameworks' expansions (the real
// Boost.Test and GoogleTest headers: test/realworld/race-throw-assertions).

#include <stdexcept>
#include <variant>

#include "asio.hpp"

namespace asio::experimental::awaitable_operators {
template <class A, class B>
awaitable<std::variant<A, B>> operator||(awaitable<A>, awaitable<B>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

asio::awaitable<int> work();
template <class T> asio::awaitable<T> typed_work();
asio::awaitable<long> nap();
void log(const char *);
extern int State;

// Boost.Test: the failure report follows the statement in the try block.
namespace boost::test_tools::tt_detail {
struct assertion_result {
  assertion_result(bool);
};
bool report_assertion(const assertion_result &, const char *, const char *,
                      int);
bool dummy_cond();
} // namespace boost::test_tools::tt_detail
#define BOOST_TOOL_REPORT(P, TEXT)                                             \
  do {                                                                         \
    ::boost::test_tools::tt_detail::report_assertion(P, TEXT, __FILE__,        \
                                                     __LINE__);                \
  } while (::boost::test_tools::tt_detail::dummy_cond())
#define BOOST_CHECK_THROW(S, E)                                                \
  do {                                                                         \
    try {                                                                      \
      S;                                                                       \
      BOOST_TOOL_REPORT(false, "exception " #E " expected");                   \
    } catch (E const &) {                                                      \
      BOOST_TOOL_REPORT(true, #E " is caught");                                \
    }                                                                          \
  } while (::boost::test_tools::tt_detail::dummy_cond())
#define BOOST_CHECK_NO_THROW(S)                                                \
  do {                                                                         \
    try {                                                                      \
      S;                                                                       \
      BOOST_TOOL_REPORT(true, "no exceptions thrown by " #S);                  \
    } catch (...) {                                                            \
      BOOST_TOOL_REPORT(false, "unexpected exception thrown by " #S);          \
    }                                                                          \
  } while (::boost::test_tools::tt_detail::dummy_cond())
#define BOOST_CHECK(P) BOOST_TOOL_REPORT(P, #P)

// GoogleTest: the statement alone in the try block; a flag the handler sets,
// tested after the try, jumps to the failure report.
namespace testing {
struct Message {};
namespace internal {
bool AlwaysTrue();
struct TrueWithString {
  operator bool() const { return true; }
  const char *value = "";
};
class AssertHelper {
public:
  AssertHelper(int, const char *, int, const char *);
  void operator=(const Message &) const;
};
} // namespace internal
} // namespace testing
#define GT_CONCAT_(A, B) A##B
#define GT_CONCAT(A, B) GT_CONCAT_(A, B)
#define GT_FAIL(MSG)                                                           \
  ::testing::internal::AssertHelper(1, __FILE__, __LINE__, MSG) =              \
      ::testing::Message()
#define EXPECT_THROW(statement, expected_exception)                            \
  if (::testing::internal::TrueWithString gtest_msg{}) {                       \
    bool gtest_caught_expected = false;                                        \
    try {                                                                      \
      if (::testing::internal::AlwaysTrue()) {                                 \
        statement;                                                             \
      }                                                                        \
    } catch (expected_exception const &) {                                     \
      gtest_caught_expected = true;                                            \
    } catch (...) {                                                            \
      gtest_msg.value = "it throws a different type";                          \
      goto GT_CONCAT(gtest_label_testthrow_, __LINE__);                        \
    }                                                                          \
    if (!gtest_caught_expected) {                                              \
      gtest_msg.value = "Expected: " #statement " throws";                     \
      goto GT_CONCAT(gtest_label_testthrow_, __LINE__);                        \
    }                                                                          \
  } else                                                                       \
    GT_CONCAT(gtest_label_testthrow_, __LINE__) : GT_FAIL(gtest_msg.value)
#define EXPECT_ANY_THROW(statement)                                            \
  if (::testing::internal::AlwaysTrue()) {                                     \
    bool gtest_caught_any = false;                                             \
    try {                                                                      \
      if (::testing::internal::AlwaysTrue()) {                                 \
        statement;                                                             \
      }                                                                        \
    } catch (...) {                                                            \
      gtest_caught_any = true;                                                 \
    }                                                                          \
    if (!gtest_caught_any) {                                                   \
      goto GT_CONCAT(gtest_label_testanythrow_, __LINE__);                     \
    }                                                                          \
  } else                                                                       \
    GT_CONCAT(gtest_label_testanythrow_, __LINE__)                             \
        : GT_FAIL("Expected: " #statement " throws")
#define EXPECT_NO_THROW(statement)                                             \
  if (::testing::internal::TrueWithString gtest_msg{}) {                       \
    try {                                                                      \
      if (::testing::internal::AlwaysTrue()) {                                 \
        statement;                                                             \
      }                                                                        \
    } catch (...) {                                                            \
      gtest_msg.value = "it throws.";                                          \
      goto GT_CONCAT(gtest_label_testnothrow_, __LINE__);                      \
    }                                                                          \
  } else                                                                       \
    GT_CONCAT(gtest_label_testnothrow_, __LINE__) : GT_FAIL(gtest_msg.value)

// Catch2: the statement cast to void, then the failure report; the try is
// the branch of an if. CATCH_STYLE_THROWS is the same without the cast.
namespace Catch {
struct AssertionHandler {
  AssertionHandler(const char *, const char *);
  bool allowThrows() const;
  void handleUnexpectedExceptionNotThrown();
  void handleExceptionThrownAsExpected();
  void handleUnexpectedInflightException();
  void handleThrowingCallSkipped();
  void complete();
};
} // namespace Catch
#define CATCH_THROWS_AS_(STATEMENT, exceptionType)                             \
  do {                                                                         \
    Catch::AssertionHandler catchAssertionHandler("REQUIRE_THROWS_AS", "");    \
    if (catchAssertionHandler.allowThrows())                                   \
      try {                                                                    \
        STATEMENT;                                                             \
        catchAssertionHandler.handleUnexpectedExceptionNotThrown();            \
      } catch (exceptionType const &) {                                        \
        catchAssertionHandler.handleExceptionThrownAsExpected();               \
      } catch (...) {                                                          \
        catchAssertionHandler.handleUnexpectedInflightException();             \
      }                                                                        \
    else                                                                       \
      catchAssertionHandler.handleThrowingCallSkipped();                       \
    catchAssertionHandler.complete();                                          \
  } while (false)
#define REQUIRE_THROWS_AS(expr, E) CATCH_THROWS_AS_(static_cast<void>(expr), E)
#define CATCH_STYLE_THROWS(expr) CATCH_THROWS_AS_(expr, std::exception)

// doctest: the statement cast to void; the result is logged after the try,
// whether it threw or not.
namespace doctest::detail {
struct ResultBuilder {
  ResultBuilder(const char *, const char *);
  bool m_threw_as = false;
  bool log();
  void react();
};
void breakIntoDebugger();
} // namespace doctest::detail
#define CHECK_THROWS_AS(expr, ...)                                             \
  do {                                                                         \
    doctest::detail::ResultBuilder DOCTEST_RB("CHECK_THROWS_AS", #expr);       \
    try {                                                                      \
      static_cast<void>(expr);                                                 \
    } catch (const __VA_ARGS__ &) {                                            \
      DOCTEST_RB.m_threw_as = true;                                            \
    } catch (...) {                                                            \
    }                                                                          \
    if (DOCTEST_RB.log())                                                      \
      doctest::detail::breakIntoDebugger();                                    \
    DOCTEST_RB.react();                                                        \
  } while (false)

// --- Silent: each race is the statement of a throw assertion, with code
// after it.

asio::awaitable<void> boost_throw() {
  BOOST_CHECK_THROW(co_await (work() || nap()), std::runtime_error);
  BOOST_CHECK(State == 0);
}

asio::awaitable<void> gtest_throw() {
  EXPECT_THROW(co_await (work() || nap()), std::runtime_error);
  EXPECT_ANY_THROW(co_await (work() || nap()));
  log("after");
}

asio::awaitable<void> catch2_throw() {
  REQUIRE_THROWS_AS(co_await (work() || nap()), std::runtime_error);
  CATCH_STYLE_THROWS(co_await (work() || nap()));
  log("after");
}

asio::awaitable<void> doctest_throw() {
  CHECK_THROWS_AS(co_await (work() || nap()), std::runtime_error);
  log("after");
}

// Inside a try of the test's own, as Boost.Cobalt's tests write it.
asio::awaitable<void> nested_in_try() {
  try {
    BOOST_CHECK_THROW(co_await (work() || nap()), std::runtime_error);
  } catch (...) {
  }
  log("after");
}

// An in-house macro over a framework's.
#define EXPECT_RACE_THROWS(RACE) BOOST_CHECK_THROW(co_await (RACE), std::logic_error)
asio::awaitable<void> in_house_macro() {
  EXPECT_RACE_THROWS(work() || nap());
  log("after");
}

template <class T> asio::awaitable<void> templated() {
  EXPECT_THROW(co_await (typed_work<T>() || nap()), std::runtime_error);
  log("after");
}
template asio::awaitable<void> templated<int>();

void lambdas() {
  auto Test = []() -> asio::awaitable<void> {
    BOOST_CHECK_THROW(co_await (work() || nap()), std::runtime_error);
    log("after");
  };
  (void)Test;
}

// --- Reported: the race completes and code after it runs.

// Its outcome dropped, then state one side sets is asserted.
asio::awaitable<void> dropped_then_asserted() {
  co_await (work() || nap());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result, or cast it to 'void' when either side will do
  BOOST_CHECK(State == 1);
}

// A no-throw assertion wants the race to complete: its pass is reported with
// the constant true, and the code after it reads state.
asio::awaitable<void> boost_no_throw() {
  BOOST_CHECK_NO_THROW(co_await (work() || nap()));
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: the outcome of this race is discarded
  // CHECK-NOTES: :50:7: note: expanded from macro 'BOOST_CHECK_NO_THROW'
  // CHECK-NOTES: :[[@LINE-3]]:24: note: inspect the result
  BOOST_CHECK(State == 1);
}

asio::awaitable<void> gtest_no_throw() {
  EXPECT_NO_THROW(co_await (work() || nap()));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: the outcome of this race is discarded
  // CHECK-NOTES: :119:9: note: expanded from macro 'EXPECT_NO_THROW'
  // CHECK-NOTES: :[[@LINE-3]]:19: note: inspect the result
  log("after");
}

// A try of the code's own: no failure report follows the race.
asio::awaitable<void> own_try() {
  try {
    co_await (work() || nap());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the outcome of this race is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: inspect the result
    log("done");
  } catch (...) {
  }
  log("after");
}
