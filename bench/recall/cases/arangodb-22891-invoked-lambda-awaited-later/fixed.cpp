// Fixed twin of arangodb/arangodb#22891: the lambda is a named variable that
// lives as long as the test; the coroutine is started from it separately.
#include "stop24_mocks.hpp"

void check(bool);

void test_value_after_resumption() {
  arangodb::manual_resume wait;
  int expected = 12;
  auto lambda = [&]() -> arangodb::async<int> {
    co_await wait;
    co_return expected;
  };
  auto coro = lambda();
  wait.resume();
  check(coro.get() == 12);
}
