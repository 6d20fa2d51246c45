// The function's own waits, with in-house waits and executors: silent only
// once the options name them (BlockingWaits, JoiningExecutors).
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-lambda-capture-lifetime %t.default
// RUN: %check_async_lint --check-suffix=CUSTOM %s async-lambda-capture-lifetime %t.custom \
// RUN:   --config="{CheckOptions: {async-lambda-capture-lifetime.BlockingWaits: 'corp::Gate::wait', \
// RUN:     async-lambda-capture-lifetime.JoiningExecutors: 'corp::Pool'}}"

#include "async_simple/Executors.h"
#include "async_simple/Lazy.h"

using async_simple::coro::Lazy;

Lazy<> step();

namespace corp {
// Opens when every task it counts has arrived.
class Gate {
public:
  explicit Gate(int Count) : Count(Count) {}
  void arrive() { --Count; }
  void wait() const;

private:
  int Count;
};
// Runs work on threads that its destructor joins.
class Pool : public async_simple::Executor {
public:
  ~Pool() override;
};
} // namespace corp

void in_house_wait(async_simple::Executor *Ex) {
  corp::Gate Done(1);
  int Value = 0;
  auto Task = [&]() -> Lazy<> {
    co_await step();
    ++Value;
    Done.arrive();
  };
  Task().via(Ex).detach();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
  Done.wait();
}

void in_house_pool(int Seed) {
  auto Task = [&]() -> Lazy<> {
    co_await step();
    (void)Seed;
  };
  corp::Pool Pool;
  Task().via(&Pool).detach();
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:3: warning: closure 'Task' of a coroutine lambda is destroyed while its task may still use the captures [async-lambda-capture-lifetime]
}
