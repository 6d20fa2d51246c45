// RUN: %check_async_lint %s async-unhandled-race-outcome %t
// A race whose outcome is dropped is reported because the code after it
// cannot tell which side completed. When no code of the coroutine runs after
// it (a race that only cancels the slower side), nothing can misread it.

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
extern int Result;
struct Guard {
  ~Guard();
};

// --- Silent: nothing of the coroutine runs after the race.

asio::awaitable<void> cancels_the_work() { co_await (work() || nap()); }

asio::awaitable<void> then_returns() {
  log("before");
  co_await (work() || nap());
  co_return;
}

// Only the destructors of locals run after it.
asio::awaitable<void> guarded() {
  Guard G;
  co_await (work() || nap());
}

// The last statement of each path.
asio::awaitable<void> on_each_path(bool Fast) {
  if (Fast) {
    co_await (work() || nap());
    co_return;
  }
  log("slow");
  co_await (work() || nap());
}

#define CANCEL_AFTER_NAP(WORK) co_await ((WORK) || nap())
asio::awaitable<void> in_a_macro() { CANCEL_AFTER_NAP(work()); }

template <class T> asio::awaitable<void> templated() {
  co_await (typed_work<T>() || nap());
}
template asio::awaitable<void> templated<int>();

void lambdas() {
  auto Cancel = []() -> asio::awaitable<void> { co_await (work() || nap()); };
  (void)Cancel;
}

// --- Reported: code after the race reads what one side may have set.

asio::awaitable<int> then_reads() {
  co_await (work() || nap());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the outcome of this race is discarded, so the code after it cannot tell which side completed [async-unhandled-race-outcome]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: inspect the result, or cast it to 'void' when either side will do
  co_return Result;
}

// Last in its branch, but the code after the if runs after it.
asio::awaitable<void> last_in_branch(bool Fast) {
  if (Fast) {
    co_await (work() || nap());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the outcome of this race is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: inspect the result
  }
  log("after");
}

// Last in a loop's body: the loop's condition runs after it.
asio::awaitable<void> in_a_loop(const bool &More) {
  while (More) {
    co_await (work() || nap());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the outcome of this race is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: inspect the result
  }
}

void lambda_reads() {
  auto Read = []() -> asio::awaitable<int> {
    co_await (work() || nap());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: the outcome of this race is discarded
    // CHECK-NOTES: :[[@LINE-2]]:5: note: inspect the result
    co_return Result;
  };
  (void)Read;
}
