// RUN: %check_async_lint %s async-unbounded-spawn %t

// A loop whose condition is always false does not repeat: a test framework's
// assertion macro wraps its statement in `do { ... } while (dummy_cond())`
// (Boost.Test), and dummy_cond() returns false, so a spawn in it starts one
// task. The function is known by its resolved name on AlwaysFalseFunctions,
// or by a visible body that is only `return false;`. A spawn in a loop
// whose condition may be true is still reported.

#include "asio.hpp"
#include <vector>

asio::awaitable<void> job();

namespace boost::test_tools::tt_detail {
bool dummy_cond(); // documented to return false; no body here
} // namespace boost::test_tools::tt_detail

#define CHECK_NO_THROW(S)                                                      \
  do {                                                                         \
    try {                                                                      \
      S;                                                                       \
    } catch (...) {                                                            \
    }                                                                          \
  } while (::boost::test_tools::tt_detail::dummy_cond())

namespace mine {
inline bool never() { return false; }
bool maybe();
bool dummy_cond(); // the same name in another namespace: not listed
} // namespace mine

void once(asio::io_context &Ctx) {
  CHECK_NO_THROW(asio::co_spawn(Ctx, job(), asio::detached));
  do {
    asio::co_spawn(Ctx, job(), asio::detached);
  } while (mine::never());
  while (mine::never())
    asio::co_spawn(Ctx, job(), asio::detached);
  do {
    asio::co_spawn(Ctx, job(), asio::detached);
  } while (false);
}

// --- Reported: conditions that may hold.

void again(asio::io_context &Ctx) {
  do {
    asio::co_spawn(Ctx, job(), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration
  } while (mine::maybe());
  do {
    asio::co_spawn(Ctx, job(), asio::detached);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asio::co_spawn' starts a task on every iteration
  } while (mine::dummy_cond());
}

void per_request(asio::io_context &Ctx, const std::vector<int> &Requests) {
  for (int R : Requests) {
    (void)R;
    CHECK_NO_THROW(asio::co_spawn(Ctx, job(), asio::detached));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'asio::co_spawn' starts a task on every iteration
  }
}
