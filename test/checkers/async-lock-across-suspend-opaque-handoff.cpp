// A guard handed by non-const reference to the very operation the coroutine
// suspends on, when the unit does not show that operation's definition (a
// coroutine condition variable's wait defined in the library's own .cpp):
// nothing shows the lock stays held, so by default it is not reported.
// StrictOpaqueHandoffs reports it. Where the definition is visible, it is
// judged: a callee that suspends holding the lock is reported either way.
// RUN: %check_async_lint --check-suffix=DEFAULT %s async-lock-across-suspend %t.default
// RUN: %check_async_lint --check-suffix=STRICT %s async-lock-across-suspend %t.strict \
// RUN:   --config="{CheckOptions: {async-lock-across-suspend.StrictOpaqueHandoffs: true}}"

#include <mutex>

#include "task.h"

demo::task<> sub();
bool ready();

std::mutex M;

namespace lib {
// Declared here, defined in the library's own unit.
demo::task<int> wait_elsewhere(std::unique_lock<std::mutex> &Lock,
                               const void *Key);

// The library's condition variable: its members are inline wrappers that
// hand the caller's lock on to the wait defined elsewhere.
class condition {
public:
  demo::task<int> wait(std::unique_lock<std::mutex> &Lock) {
    return wait_elsewhere(Lock, this);
  }
  template <class Pred>
  demo::task<int> wait(std::unique_lock<std::mutex> &Lock, Pred P) {
    return forward(Lock, P);
  }

private:
  template <class Pred>
  demo::task<int> forward(std::unique_lock<std::mutex> &Lock, Pred) {
    return wait_elsewhere(Lock, this);
  }
};

// A visible callee that suspends while the lock it is given stays held.
demo::task<int> read_under(std::unique_lock<std::mutex> &Lock) {
  co_await sub();
  co_return Lock.owns_lock() ? 1 : 0;
}

// Declared elsewhere, but given the lock by const reference: it cannot
// release it.
demo::task<int> peek_elsewhere(const std::unique_lock<std::mutex> &Lock);
} // namespace lib

lib::condition Cond;

demo::task<int> awaits_opaque_wait() {
  std::unique_lock<std::mutex> Lock(M);
  int R = co_await lib::wait_elsewhere(Lock, &M);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:11: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:11: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: note: the lock is taken here
  co_return R;
}

demo::task<> awaits_member_wrappers() {
  std::unique_lock<std::mutex> Lock(M);
  while (!ready())
    co_await Cond.wait(Lock, [] { return ready(); });
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:5: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: the lock is taken here
  co_await Cond.wait(Lock);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-9]]:3: note: the lock is taken here
}

// The twins that must still fire by default.
demo::task<int> awaits_visible_holder() {
  std::unique_lock<std::mutex> Lock(M);
  int R = co_await lib::read_under(Lock);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:11: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:11: note: while suspended here
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:3: note: the lock is taken here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:11: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:11: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-7]]:3: note: the lock is taken here
  co_return R;
}

demo::task<int> awaits_const_handoff() {
  std::unique_lock<std::mutex> Lock(M);
  int R = co_await lib::peek_elsewhere(Lock);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:11: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:11: note: while suspended here
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:3: note: the lock is taken here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:11: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:11: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-7]]:3: note: the lock is taken here
  co_return R;
}

// The lock handed to an opaque wait is only the awaited operation's: a
// later suspension on something else still holds it.
demo::task<> other_suspension_after() {
  std::unique_lock<std::mutex> Lock(M);
  co_await Cond.wait(Lock);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: note: the lock is taken here
  co_await sub();
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: while suspended here
  // CHECK-NOTES-DEFAULT: :[[@LINE-8]]:3: note: the lock is taken here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-5]]:3: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-11]]:3: note: the lock is taken here
}

// A template coroutine and a macro: the same judgement once instantiated.
#define WAIT_ON(C, L) co_await (C).wait(L)

template <class Cv> demo::task<> generic_wait(Cv &C) {
  std::unique_lock<std::mutex> Lock(M);
  WAIT_ON(C, Lock);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:23: note: expanded from macro 'WAIT_ON'
  // CHECK-NOTES-STRICT: :[[@LINE-3]]:3: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-8]]:23: note: expanded from macro 'WAIT_ON'
  // CHECK-NOTES-STRICT: :[[@LINE-6]]:3: note: the lock is taken here
}
template demo::task<> generic_wait(lib::condition &);

// A lambda coroutine.
auto Lambda = []() -> demo::task<> {
  std::unique_lock<std::mutex> Lock(M);
  co_await lib::wait_elsewhere(Lock, nullptr);
  // CHECK-NOTES-STRICT: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Lock'
  // CHECK-NOTES-STRICT: :[[@LINE-2]]:3: note: while suspended here
  // CHECK-NOTES-STRICT: :[[@LINE-4]]:3: note: the lock is taken here
};
