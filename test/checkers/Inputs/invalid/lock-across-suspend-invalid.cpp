#include <mutex>
#include "task.h"
demo::task<int> value();
std::mutex M;
demo::task<> broken() {
  std::lock_guard G(M, missing);
  co_await value();
  int Lost = undeclared;
  co_return;
}
demo::task<> fine() {
  std::lock_guard G(M);
  co_await value();
  co_return;
}
template <class T> demo::task<> dependent(T t) {
  std::lock_guard G(t.m);
  co_await t.run(
}
