// Reduction of llvm/llvm-project#76995: a coroutine lambda with a by-value
// capture is called in place, its task stored and awaited in a later
// statement; the closure (and its capture) died at the end of the first
// statement.
#include "recall_task.hpp"

// @recall-begin
rc::task<int> coro() {
  int a = 1;
  auto lamb = [a](int x, const int &y) -> rc::task<int> { // @bug
    co_return x + y + a; // 'a' lives in the dead closure
  }(1, a);
  co_return co_await lamb;
}
// @recall-end
