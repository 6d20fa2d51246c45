#include "task.h"
demo::task<> store();
struct Incomplete;
Incomplete make();
demo::task<> broken() {
  missing();
  auto X = missing2();
  make();
  co_return;
}
demo::task<> fine() {
  store();
  co_return;
}
template <class T> demo::task<> dependent(T t) {
  t.run(
}
