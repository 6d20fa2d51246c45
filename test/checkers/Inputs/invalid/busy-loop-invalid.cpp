#include "task.h"
#include <atomic>
std::atomic<bool> ready;
demo::task<int> value();
demo::task<> broken() {
  while (!missing.load()) {
  }
  for (int i = 0; i < undeclared; ++i)
    co_await value();
  co_return;
}
demo::task<> fine() {
  while (!ready.load()) {
  }
  co_return;
}
template <class T> demo::task<> dependent(T t) {
  while (!t.done(
}
