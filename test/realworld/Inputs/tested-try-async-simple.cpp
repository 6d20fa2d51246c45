// async-unobserved-exception on async_simple's real Try: value() rethrows
// the stored exception, so a coroutine that reads it untested can throw and
// a start() whose callback ignores the Try loses that; under a test of
// hasError() (the ErrorTests list) that exited, value() returns the value.
#include <async_simple/Try.h>
#include <async_simple/coro/Lazy.h>

using async_simple::Try;
using async_simple::coro::Lazy;

Lazy<int> produce();
int Cache;

Lazy<void> tested() {
  Try<int> R = co_await produce().coAwaitTry();
  if (R.hasError())
    co_return;
  Cache = R.value();
}

Lazy<void> untested() {
  Try<int> R = co_await produce().coAwaitTry();
  Cache = R.value();
}

void run() {
  tested().start([](auto &&) {});
  untested().start([](auto &&) {});
}
