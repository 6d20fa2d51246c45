#include "coro/libcoro.hpp"
coro::task<> broken() {
  coro::event e;
  co_await missing(e);
  int Lost = undeclared;
  co_await e;
}
coro::task<> fine() {
  coro::event e;
  co_await e;
  e.set();
}
template <class T> coro::task<> dependent(T t) {
  coro::event e;
  co_await t.run(
}
