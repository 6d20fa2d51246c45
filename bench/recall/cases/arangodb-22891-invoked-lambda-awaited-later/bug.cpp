// Reduction of arangodb/arangodb#22891: async tests call a coroutine lambda
// that captures by reference in place and keep only its eager task; the
// lambda temporary dies at the end of that statement, and when the test later
// resumes the coroutine it reads the captures through the dead closure.
#include "stop24_mocks.hpp"

void check(bool);

// @recall-begin
void test_value_after_resumption() {
  arangodb::manual_resume wait;
  int expected = 12;
  auto coro = [&]() -> arangodb::async<int> { // @bug
    co_await wait;
    co_return expected; // `expected` is reached through the closure
  }();
  wait.resume();
  check(coro.get() == 12);
}
// @recall-end
