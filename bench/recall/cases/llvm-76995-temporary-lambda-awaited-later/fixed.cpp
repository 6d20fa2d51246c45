// Fixed twin of llvm/llvm-project#76995 (the issue's own safe form): the task
// is awaited in the full expression that creates the closure.
#include "recall_task.hpp"

rc::task<int> coro() {
  int a = 1;
  int res = co_await
      [a](int x, const int &y) -> rc::task<int> { co_return x + y + a; }(1, a);
  co_return res;
}
