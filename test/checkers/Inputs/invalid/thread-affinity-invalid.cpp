#include "task.h"
demo::task<int> value();
thread_local int tls = 0;
void use(int *);
demo::task<> broken() {
  int *P = &missing;
  co_await value();
  int Lost = undeclared;
  use(P);
  co_return;
}
demo::task<> fine() {
  int *P = &tls;
  co_await value();
  use(P);
}
struct half_guard {
  int Count = unknown_count();
  ~half_guard() { use(&Count); }
};
demo::task<> with_half_guard() {
  half_guard G;
  co_await value();
}
template <class T> demo::task<> dependent(T t) {
  T *P = &t.tls;
  co_await t.run(
}
