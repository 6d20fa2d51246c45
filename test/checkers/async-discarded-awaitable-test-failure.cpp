// RUN: %check_async_lint --check-suffix=DEFAULT %s async-discarded-awaitable %t.default
// RUN: %check_async_lint --check-suffix=LISTED %s async-discarded-awaitable %t.listed \
// RUN:   --config="{CheckOptions: {TestFailureReports: 'audit::note_failure'}}"

// A test framework's fatal assertion records the failure, then returns: Qt's
// QVERIFY and QCOMPARE (and coroutine variants written with co_return) run
// `if (!QTest::qVerify(...)) return;`, QFAIL calls QTest::qFail and
// returns, a GoogleTest fatal assertion returns what AssertHelper's operator=
// gives. Past the record the test has failed and is abandoned: a task that
// only such a path drops is not lost work (TestFailureReports: bool
// functions on the branch where they return false, void ones where they are
// called). An ordinary early return, a check that goes on after a failure,
// or an unlisted reporting function still drops the task (the LISTED run
// names an in-house function and drops the default list).

#include <coroutine>
#include <utility>

struct job {
  struct promise_type {
    job get_return_object() {
      return job{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  std::coroutine_handle<promise_type> H;
  explicit job(std::coroutine_handle<promise_type> C) : H(C) {}
  job(job &&O) noexcept : H(O.H) { O.H = {}; }
  ~job() {
    if (H)
      H.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) { return H; }
  void await_resume() {}
};

// The shape of QtTest's reporting functions (bodies in the library).
namespace QTest {
bool qVerify(bool Ok, const char *Text, const char *Why, const char *File,
             int Line);
template <class A, class B>
bool qCompare(const A &Got, const B &Want, const char *GotText,
              const char *WantText, const char *File, int Line);
void qFail(const char *Message, const char *File, int Line);
} // namespace QTest

// GoogleTest's failure record: `co_return AssertHelper(...) = Message();`.
namespace testing {
struct Message {};
namespace internal {
class AssertHelper {
public:
  AssertHelper(int Kind, const char *File, int Line, const char *Text);
  void operator=(const Message &M) const;
};
} // namespace internal
} // namespace testing

namespace audit {
bool note_failure(bool Ok, const char *Text);
bool log_only(bool Ok, const char *Text);
} // namespace audit

#define CO_VERIFY(cond)                                                        \
  do {                                                                         \
    if (!QTest::qVerify(static_cast<bool>(cond), #cond, "", __FILE__,          \
                        __LINE__))                                             \
      co_return;                                                               \
  } while (false)
#define CO_COMPARE(got, want)                                                  \
  do {                                                                         \
    if (!QTest::qCompare(got, want, #got, #want, __FILE__, __LINE__))          \
      co_return;                                                               \
  } while (false)
#define CO_FAIL(message)                                                       \
  do {                                                                         \
    QTest::qFail(message, __FILE__, __LINE__);                                 \
    co_return;                                                                 \
  } while (false)
#define CO_ASSERT_TRUE(cond)                                                   \
  if (cond)                                                                    \
    ;                                                                          \
  else                                                                         \
    co_return ::testing::internal::AssertHelper(2, __FILE__, __LINE__,         \
                                                #cond) = ::testing::Message()
#define AUDIT_CHECK(cond)                                                      \
  do {                                                                         \
    if (!audit::note_failure(static_cast<bool>(cond), #cond))                  \
      co_return;                                                               \
  } while (false)

job mark(bool &Flag);
int count();

job verified_then_awaited() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_VERIFY(!Started);
  co_await T;
}

job compared_then_awaited() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_COMPARE(count(), 0);
  CO_VERIFY(!Started);
  co_await T;
}

job failed_then_awaited(bool Broken) {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (Broken)
    CO_FAIL("broken fixture");
  co_await T;
}

job asserted_then_awaited() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_ASSERT_TRUE(!Started);
  co_await T;
}

// The in-house reporting function: listed only in the LISTED run.
job audited_then_awaited() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  AUDIT_CHECK(!Started);
  co_await T;
}

// A lambda coroutine and a template: the same failure exit.
auto in_lambda = []() -> job {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_VERIFY(!Started);
  co_await T;
};

template <class Fixture> job in_template(Fixture &F) {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-LISTED: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_VERIFY(F.ready());
  co_await T;
}
struct fixture {
  bool ready();
};
template job in_template(fixture &);

// True twins, reported in both runs.

// An ordinary early return: the test did not fail there.
job plain_branch(bool Skip) {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  CO_VERIFY(!Started);
  if (Skip)
    co_return;
  co_await T;
}

// The branch where the check passed: qVerify returned true.
job dropped_when_passed() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (QTest::qVerify(!Started, "!Started", "", __FILE__, __LINE__))
    co_return;
  co_await T;
}

// A check that records the failure and goes on: the drop after it is on
// the passing path too.
job check_goes_on(bool Skip) {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (!QTest::qVerify(!Started, "!Started", "", __FILE__, __LINE__)) {
  }
  if (Skip)
    co_return;
  co_await T;
}

// A function that only logs is not a test framework's failure record.
job logged_only() {
  bool Started = false;
  auto T = mark(Started);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  // CHECK-MESSAGES-LISTED: :[[@LINE-2]]:8: warning: task 'T' is not awaited on every path; where it is dropped it never runs [async-discarded-awaitable]
  if (!audit::log_only(!Started, "!Started"))
    co_return;
  co_await T;
}
