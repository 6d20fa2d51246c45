// RUN: %check_async_lint %s async-unhandled-race-outcome %t

#include <string>
#include <variant>

#include "asio.hpp"
#include "task.h"

// asio's awaitable operators, as <asio/experimental/awaitable_operators.hpp>
// declares them: a || b races a against b.
namespace asio::experimental::awaitable_operators {
template <class A, class B>
awaitable<std::variant<A, B>> operator||(awaitable<A>, awaitable<B>);
} // namespace asio::experimental::awaitable_operators
using namespace asio::experimental::awaitable_operators;

namespace demo {
template <class... T> task<std::variant<T...>> when_any(task<T>...);
} // namespace demo

asio::awaitable<int> read_reply();
asio::awaitable<std::string> timeout();
demo::task<int> fast();
demo::task<int> slow();
void log(const char *);

asio::awaitable<void> reads_blindly() {
  auto Outcome = co_await (read_reply() || timeout());
  int Reply = std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES: :[[@LINE-3]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
  (void)Reply;
}

asio::awaitable<void> logs_and_falls_through() {
  auto Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() == 1)
    log("timed out");
  int Reply = *std::get_if<0>(&Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: '*std::get_if' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES: :[[@LINE-5]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
  (void)Reply;
}

demo::task<> when_any_blindly() {
  auto Winner = co_await demo::when_any(fast(), slow());
  co_return (void)std::get<int>(Winner);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-3]]:17: note: either side of this race may complete first; check 'Winner.index()' or use 'std::visit' before reading its outcome
}

asio::awaitable<void> discards() {
  co_await (read_reply() || timeout());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result, or cast it to 'void' when either side will do
  (void)co_await (read_reply() || timeout());
}

// --- Silent: the side is checked on every path to the read.

asio::awaitable<void> checks(bool Flag) {
  auto Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() == 0) {
    int Reply = std::get<0>(Outcome);
    (void)Reply;
  }
  if (std::holds_alternative<std::string>(Outcome))
    (void)std::get<std::string>(Outcome);
  if (auto *Reply = std::get_if<0>(&Outcome))
    (void)*Reply;
  switch (Outcome.index()) {
  case 0:
    (void)std::get<0>(Outcome);
    break;
  default:
    break;
  }
  int Either = Outcome.index() == 0 ? std::get<0>(Outcome) : 0;
  (void)Either;
  std::visit([](auto &&) {}, Outcome);
  if (Outcome.index() != 0)
    co_return;
  (void)std::get<0>(Outcome);
}

// Not a race: a plain variant.
asio::awaitable<std::variant<int, std::string>> either();
asio::awaitable<void> not_a_race() {
  auto Value = co_await either();
  (void)std::get<0>(Value);
}

// --- Templates, macros and lambdas.

template <class T> asio::awaitable<void> generic(asio::awaitable<T> (*Make)()) {
  auto Outcome = co_await (Make() || timeout());
  (void)std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-3]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}
template asio::awaitable<void> generic<int>(asio::awaitable<int> (*)());

#define FIRST(OUTCOME) std::get<0>(OUTCOME)
asio::awaitable<void> by_macro() {
  auto Outcome = co_await (read_reply() || timeout());
  (void)FIRST(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-5]]:24: note: expanded from macro 'FIRST'
  // CHECK-NOTES: :[[@LINE-4]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}

void lambdas() {
  auto Coro = []() -> asio::awaitable<void> {
    auto Outcome = co_await (read_reply() || timeout());
    // A lambda that is not a coroutine, called later: its reads are its own.
    auto Later = [&] { return std::get<0>(Outcome); };
    (void)Later;
    (void)std::get<1>(Outcome);
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'std::get' reads the outcome of a race as one alternative
    // CHECK-NOTES: :[[@LINE-6]]:20: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
  };
  (void)Coro;
}

// --- A race given to a variable after its declaration is judged like one
// initialised from the race, from the assignment on.

asio::awaitable<void> assigned_later(std::variant<int, std::string> Cached) {
  std::variant<int, std::string> Outcome;
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  (void)std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES: :[[@LINE-3]]:13: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}

asio::awaitable<void> checked_then_raced_again() {
  auto Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() != 0)
    co_return;
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  (void)std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-7]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}

// Silent: the late outcome is checked; a variable also given other values
// is not judged (what it holds depends on the path).
asio::awaitable<void> assigned_and_checked() {
  std::variant<int, std::string> Outcome;
  Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() == 0)
    (void)std::get<0>(Outcome);
}
asio::awaitable<void> replaced_on_timeout() {
  std::variant<int, std::string> Outcome;
  Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() != 0)
    Outcome = std::variant<int, std::string>();
  (void)std::get<0>(Outcome);
}

// --- when_any over a range: its outcome names the winner by index.

namespace ranges {
template <class T> struct list {
  T &operator[](unsigned long);
  T &front();
  T *begin();
  T *end();
};
template <class T> struct any_result {
  unsigned long index;
  list<T> results;
};
template <class T> demo::task<any_result<T>> when_any(list<T> &);
} // namespace ranges
void use(demo::task<int> &);

demo::task<> credits_input_zero(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  use(Any.results[0]);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 0 of a race as if it completed first, without checking which input did
  // CHECK-NOTES: :[[@LINE-3]]:14: note: any input of this race may complete first; check 'Any.index' first
  int First = co_await Tasks[1];
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: this takes input 1 of a race as if it completed first, without checking which input did
  // CHECK-NOTES: :[[@LINE-6]]:14: note: any input of this race may complete first; check 'Any.index' first
  (void)First;
}

demo::task<> credits_after_assignment(ranges::list<demo::task<int>> Tasks) {
  ranges::any_result<demo::task<int>> Any;
  use(Tasks[0]);
  Any = co_await ranges::when_any(Tasks);
  use(Any.results.front());
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 0 of a race as if it completed first
  // CHECK-NOTES: :[[@LINE-3]]:9: note: any input of this race may complete first; check 'Any.index' first
}

// Silent: the winner is read by its index, or the index is checked; inputs
// used before the race.
demo::task<> reads_the_winner(ranges::list<demo::task<int>> Tasks) {
  co_await Tasks[0];
  auto Any = co_await ranges::when_any(Tasks);
  use(Any.results[Any.index]);
  if (Any.index == 0)
    use(Any.results[0]);
  switch (Any.index) {
  case 1:
    use(Any.results[1]);
    (void)co_await Tasks[1];
    break;
  }
  if (Any.index != 2)
    co_return;
  use(Any.results[2]);
  for (auto &Task : Any.results)
    use(Task);
}

// Templates, macros and lambdas of the positional reads.
template <class T> demo::task<> generic_range(ranges::list<demo::task<T>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  use(Any.results[1]);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 1 of a race as if it completed first, without checking which input did
  // CHECK-NOTES: :[[@LINE-3]]:14: note: any input of this race may complete first; check 'Any.index' first
}
template demo::task<> generic_range<int>(ranges::list<demo::task<int>>);

#define FIRST_RESULT(ANY) (ANY).results[0]
demo::task<> macro_range(ranges::list<demo::task<int>> Tasks) {
  auto Any = co_await ranges::when_any(Tasks);
  use(FIRST_RESULT(Any));
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: this reads the result of input 0 of a race
  // CHECK-NOTES: :[[@LINE-5]]:27: note: expanded from macro 'FIRST_RESULT'
  // CHECK-NOTES: :[[@LINE-4]]:14: note: any input of this race may complete first; check 'Any.index' first
}

void range_lambdas(ranges::list<demo::task<int>> Tasks) {
  auto Coro = [&]() -> demo::task<> {
    ranges::any_result<demo::task<int>> Any;
    Any = co_await ranges::when_any(Tasks);
    // A lambda that is not a coroutine: its reads are its own.
    auto Later = [&] { use(Any.results[0]); };
    (void)Later;
    co_await Tasks[0];
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: this takes input 0 of a race as if it completed first
    // CHECK-NOTES: :[[@LINE-6]]:11: note: any input of this race may complete first; check 'Any.index' first
  };
  (void)Coro;
}

// Silent: a race that yields the winner's value alone (libcoro's when_any)
// has no index to check.
namespace valued {
template <class T> demo::task<T> when_any(ranges::list<demo::task<T>> &);
} // namespace valued
demo::task<> value_only(ranges::list<demo::task<int>> Tasks) {
  int Winner = co_await valued::when_any(Tasks);
  (void)Winner;
  co_await Tasks[0];
}

// --- Checks stated through assertions: a test framework's macro, a
// project's own CHECK macro, an assertion helper. A macro that reports the
// text of its condition ('#expr') states it for the statements after it.

void report_failure(const char *Text);
[[noreturn]] void fail_hard(const char *Text);
// As asio's ASIO_CHECK: logs the failed condition and goes on.
#define LIB_CHECK(expr)                                                        \
  do {                                                                         \
    if (!(expr))                                                               \
      report_failure(#expr);                                                   \
  } while (0)
// As <cassert>'s assert.
#define MY_ASSERT(expr) (static_cast<bool>(expr) ? void(0) : fail_hard(#expr))
// As GoogleTest: the condition kept in a wrapper, the failure in the else.
namespace testing {
struct AssertionResult {
  template <class T> explicit AssertionResult(const T &Success) : Ok(Success) {}
  explicit operator bool() const { return Ok; }
  bool Ok;
};
} // namespace testing
#define EXPECT_TRUE(cond)                                                      \
  if (const ::testing::AssertionResult Result_ = ::testing::AssertionResult(cond)) \
    ;                                                                          \
  else                                                                         \
    report_failure(#cond)
#define EXPECT_FALSE(cond)                                                     \
  if (const ::testing::AssertionResult Result_ = ::testing::AssertionResult(!(cond))) \
    ;                                                                          \
  else                                                                         \
    report_failure(#cond)
// As Catch2 and doctest: the condition decomposed into an object.
namespace catchlike {
template <class T> struct ExprLhs {
  const T &Lhs;
  template <class U> bool operator==(const U &Rhs) const { return Lhs == Rhs; }
};
struct Decomposer {
  template <class T> ExprLhs<T> operator<=(const T &Lhs) { return {Lhs}; }
};
struct Handler {
  explicit Handler(const char *Text);
  void handle(bool Passed);
};
} // namespace catchlike
#define REQUIRE(...)                                                           \
  do {                                                                         \
    catchlike::Handler(#__VA_ARGS__).handle(catchlike::Decomposer() <= __VA_ARGS__); \
  } while (false)
// A helper that does not return when its condition is false.
void require(bool Ok, const char *What) {
  if (!Ok)
    throw What;
}
// A helper that only logs: no fact.
void note_unless(bool Ok, const char *What) {
  if (!Ok)
    report_failure(What);
}
// A macro that does not report its condition: no fact by default.
#define TRACE_IF(cond)                                                         \
  if (cond)                                                                    \
  report_failure("traced")

// Silent: the winner asserted, then read.
asio::awaitable<void> asserted_reads() {
  auto Outcome = co_await (read_reply() || timeout());
  LIB_CHECK(Outcome.index() == 0);
  LIB_CHECK(std::get<0>(Outcome) == 3);
  Outcome = co_await (read_reply() || timeout());
  MY_ASSERT(Outcome.index() == 1);
  (void)std::get<1>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  EXPECT_TRUE(Outcome.index() == 0);
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  EXPECT_FALSE(Outcome.index() == 1);
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  REQUIRE(Outcome.index() == 0);
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  require(Outcome.index() == 0, "the reply wins");
  (void)std::get<0>(Outcome);
  Outcome = co_await (read_reply() || timeout());
  LIB_CHECK(std::holds_alternative<int>(Outcome));
  (void)std::get<int>(Outcome);
}

// Positive twins: an assertion checks another race's outcome, a helper that
// only logs, a macro that does not state a condition.
asio::awaitable<void> not_asserted() {
  auto First = co_await (read_reply() || timeout());
  auto Second = co_await (read_reply() || timeout());
  LIB_CHECK(First.index() == 0);
  (void)std::get<0>(Second);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES: :[[@LINE-4]]:17: note: either side of this race may complete first; check 'Second.index()' or use 'std::visit' before reading its outcome
  auto Third = co_await (read_reply() || timeout());
  note_unless(Third.index() == 0, "third");
  (void)std::get<0>(Third);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative without checking which side completed
  // CHECK-NOTES: :[[@LINE-4]]:16: note: either side of this race may complete first; check 'Third.index()' or use 'std::visit' before reading its outcome
  TRACE_IF(Second.index() == 1);
  (void)std::get<1>(Second);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-13]]:17: note: either side of this race may complete first; check 'Second.index()' or use 'std::visit' before reading its outcome
}

// A read of another alternative than the one checked to have won is a bug
// whatever the race did: it is reported as such.
asio::awaitable<void> reads_the_loser() {
  auto Outcome = co_await (read_reply() || timeout());
  LIB_CHECK(Outcome.index() == 1);
  LIB_CHECK(std::get<0>(Outcome) == 1);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'std::get' reads alternative 0 of 'Outcome' after checking that alternative 1 won [async-unhandled-race-outcome]
  // CHECK-NOTES: :{{[0-9]+}}:11: note: expanded from macro 'LIB_CHECK'
  // CHECK-NOTES: :[[@LINE-4]]:13: note: 'Outcome' is checked to hold alternative 1 here, so reading alternative 0 throws 'std::bad_variant_access'
  Outcome = co_await (read_reply() || timeout());
  if (Outcome.index() == 1)
    (void)*std::get_if<0>(&Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: '*std::get_if' reads alternative 0 of 'Outcome' after checking that alternative 1 won
  // CHECK-NOTES: :[[@LINE-3]]:7: note: 'Outcome' is checked to hold alternative 1 here, so reading alternative 0 yields a null pointer
  Outcome = co_await (read_reply() || timeout());
  if (!std::holds_alternative<std::string>(Outcome))
    co_return;
  (void)std::get<int>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads alternative 0 of 'Outcome' after checking that alternative 1 won
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Outcome' is checked to hold alternative 1 here, so reading alternative 0 throws 'std::bad_variant_access'
  Outcome = co_await (read_reply() || timeout());
  require(Outcome.index() == 0, "the reply wins");
  (void)std::get<std::string>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads alternative 1 of 'Outcome' after checking that alternative 0 won
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'Outcome' is checked to hold alternative 0 here, so reading alternative 1 throws 'std::bad_variant_access'
}

// Silent: what was checked no longer holds once the variant changes; an
// assertion that the winner is not M names no winner.
asio::awaitable<void> changed_after_the_check(std::variant<int, std::string> Other) {
  auto Outcome = co_await (read_reply() || timeout());
  LIB_CHECK(Outcome.index() == 1);
  Outcome = Other;
  (void)std::get<0>(Outcome);
  auto Next = co_await (read_reply() || timeout());
  LIB_CHECK(Next.index() != 1);
  (void)std::get<0>(Next);
}

// Templates and lambdas.
template <class T> asio::awaitable<void> generic_assert(asio::awaitable<T> (*Make)()) {
  auto Outcome = co_await (Make() || timeout());
  LIB_CHECK(Outcome.index() == 0);
  (void)std::get<0>(Outcome);
  LIB_CHECK(Outcome.index() == 1);
  (void)std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads alternative 0 of 'Outcome' after checking that alternative 1 won
  // CHECK-NOTES: :[[@LINE-3]]:13: note: 'Outcome' is checked to hold alternative 1 here, so reading alternative 0 throws 'std::bad_variant_access'
}
template asio::awaitable<void> generic_assert<int>(asio::awaitable<int> (*)());
void assert_in_lambda() {
  auto Coro = []() -> asio::awaitable<void> {
    auto Outcome = co_await (read_reply() || timeout());
    EXPECT_TRUE(Outcome.index() == 0);
    (void)std::get<0>(Outcome);
  };
  (void)Coro;
}

// --- A task whose await_resume returns 'T &&' (libcoro, cppcoro) moves the
// outcome into the variable; an outcome bound by 'const auto &' is the
// same. Both are followed.
#include "rvalue_task.h"
rv::task<int> first_rvalue();
rv::task<long> second_rvalue();
rv::task<int> moved_outcome() {
  auto Outcome = co_await rv::when_any(first_rvalue(), second_rvalue());
  co_return std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-3]]:18: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}
asio::awaitable<void> by_const_reference() {
  const auto &Outcome = co_await (read_reply() || timeout());
  (void)std::get<0>(Outcome);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'std::get' reads the outcome of a race as one alternative
  // CHECK-NOTES: :[[@LINE-3]]:25: note: either side of this race may complete first; check 'Outcome.index()' or use 'std::visit' before reading its outcome
}
