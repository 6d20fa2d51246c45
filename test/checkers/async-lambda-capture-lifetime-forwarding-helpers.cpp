// RUN: %check_async_lint --modes=plugin,driver %s async-lambda-capture-lifetime %t

// A closure forwarded through helpers before a consumer calls it and
// destroys it: a helper whose body only passes its parameter on (itself,
// std::forward or std::move) to one other call consumes what that call
// consumes, a few helpers deep.

#include <functional>
#include <string>
#include <utility>

#include "task.h"

namespace demo {
void sync_wait(task<>);
} // namespace demo

demo::task<> pause();

demo::fire_and_forget deliver(std::string &&Body) {
  co_await pause();
  (void)Body.size();
}

struct limiter {
  int Slots = 0;
};

// The consumer: calls its by-value parameter, which dies when it returns.
template <class F> void call_now(F Fn) { Fn(); }
// Two forwarding helpers above it.
template <class F> void with_slot(limiter &L, F &&Fn) {
  ++L.Slots;
  call_now(std::forward<F>(Fn));
}
template <class F> void send_later(limiter &L, F &&Fn) {
  with_slot(L, std::forward<F>(Fn));
}
#define SEND_LATER(l, f) send_later(l, f)

void forwarded(limiter &L) {
  std::string Mail;
  send_later(L, [Mail]() mutable { deliver(std::move(Mail)); });
  // CHECK-NOTES: :[[@LINE-1]]:44: warning: coroutine 'deliver' borrows capture 'Mail', which 'send_later' destroys while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :30:42: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :22:9: note: 'Body' is used here, after the coroutine may have suspended
  SEND_LATER(L, [Mail]() mutable { deliver(std::move(Mail)); });
  // CHECK-NOTES: :[[@LINE-1]]:44: warning: coroutine 'deliver' borrows capture 'Mail', which 'send_later' destroys while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :30:42: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :22:9: note: 'Body' is used here, after the coroutine may have suspended
  with_slot(L, [Mail]() -> demo::fire_and_forget {
    co_await pause();
    (void)Mail.size();
  });
  // CHECK-NOTES: :[[@LINE-4]]:16: warning: coroutine lambda with captures passed to 'with_slot' is destroyed while the coroutine may still run [async-lambda-capture-lifetime]
  // CHECK-NOTES: :30:42: note: the lambda is called here, and destroyed when this function returns
  // CHECK-NOTES: :53:11: note: capture 'Mail' is used here, after the coroutine may have suspended
}

// --- Silent: a helper that waits after forwarding, a helper that stores
// the closure (no consumer below).
template <class F> void send_and_wait(limiter &L, F &&Fn) {
  with_slot(L, std::forward<F>(Fn));
  demo::sync_wait(pause());
}
struct mailbox {
  template <class F> void keep(F &&Fn) { Stored = std::forward<F>(Fn); }
  template <class F> void put(F &&Fn) { keep(std::forward<F>(Fn)); }
  std::function<void()> Stored;
};
void not_forwarded(limiter &L, mailbox &M) {
  std::string Mail;
  send_and_wait(L, [Mail]() mutable { deliver(std::move(Mail)); });
  M.put([Mail]() mutable { deliver(std::move(Mail)); });
}
