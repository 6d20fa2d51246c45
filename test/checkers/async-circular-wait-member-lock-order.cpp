// RUN: %check_async_lint %s async-circular-wait %t

// Lock order between member coroutines of one class, with no function of
// the unit starting them together: two member coroutines that code outside
// the class can call (not private, not static) may run at once on one
// object. One waits for member mutex b while holding member mutex a, the
// other waits for a while holding b: each can take its first and wait for
// the other. The lock may be taken in a member coroutine awaited on this.
// Silent for one order in both, one coroutine taking both, private helpers,
// mutexes that are parameters, and a try-lock.

#include "coro/libcoro.hpp"

class Ledger {
public:
  coro::task<> post() {
    auto first = co_await entries_.scoped_lock();
    auto second = co_await totals_.scoped_lock();
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: waits for mutex 'totals_' while holding 'entries_'; coroutine 'reconcile' locks them in the opposite order [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: 'entries_' is locked here
    // CHECK-NOTES: :[[@LINE+4]]:16: note: coroutine 'post' and coroutine 'reconcile' are member coroutines of 'Ledger' that code outside it can call: they may run at once on one object
    // CHECK-NOTES: :[[@LINE+4]]:18: note: coroutine 'reconcile' locks 'totals_' here
    // CHECK-NOTES: :[[@LINE+4]]:5: note: and waits for 'entries_' here: each holds the mutex the other waits for; lock them in one order everywhere
  }
  coro::task<> reconcile() {
    auto first = co_await totals_.scoped_lock();
    co_await touch_entries(); // A private helper awaited on this.
  }

private:
  coro::task<> touch_entries() { auto g = co_await entries_.scoped_lock(); }
  coro::mutex entries_, totals_;
};

// A class template, the locks through a macro, locked and unlocked by hand.
#define TAKE(m) co_await (m).lock()
template <class Mutex> struct Cache {
  Mutex index, store;
  coro::task<> insert() {
    TAKE(index);
    TAKE(store);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for mutex 'store' while holding 'index'; coroutine 'evict' locks them in the opposite order [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-7]]:17: note: expanded from macro 'TAKE'
    // CHECK-NOTES: :[[@LINE-4]]:5: note: 'index' is locked here
    // CHECK-NOTES: :[[@LINE-9]]:17: note: expanded from macro 'TAKE'
    // CHECK-NOTES: :[[@LINE+6]]:16: note: coroutine 'insert' and coroutine 'evict' are member coroutines of 'Cache<coro::mutex>' that code outside it can call: they may run at once on one object
    // CHECK-NOTES: :[[@LINE+6]]:5: note: coroutine 'evict' locks 'store' here
    // CHECK-NOTES: :[[@LINE-12]]:17: note: expanded from macro 'TAKE'
    // CHECK-NOTES: :[[@LINE+5]]:5: note: and waits for 'index' here: each holds the mutex the other waits for; lock them in one order everywhere
    // CHECK-NOTES: :[[@LINE-14]]:17: note: expanded from macro 'TAKE'
  }
  coro::task<> evict() {
    TAKE(store);
    TAKE(index);
    store.unlock();
    index.unlock();
  }
};
template struct Cache<coro::mutex>;

// ---- Silent.

// The fix: one order in both.
class Fixed {
public:
  coro::task<> post() {
    auto first = co_await entries_.scoped_lock();
    auto second = co_await totals_.scoped_lock();
  }
  coro::task<> reconcile() {
    auto first = co_await entries_.scoped_lock();
    auto second = co_await totals_.scoped_lock();
  }

private:
  coro::mutex entries_, totals_;
};

// One coroutine takes both; the other takes one at a time.
class OneTakesBoth {
public:
  coro::task<> both() {
    auto first = co_await a_.scoped_lock();
    auto second = co_await b_.scoped_lock();
  }
  coro::task<> one_at_a_time() {
    {
      auto g = co_await b_.scoped_lock();
    }
    auto g = co_await a_.scoped_lock();
  }

private:
  coro::mutex a_, b_;
};

// Private helpers, run in sequence by the one public coroutine: they never
// run at once.
class Sequential {
public:
  coro::task<> run() {
    co_await forward();
    co_await backward();
  }

private:
  coro::task<> forward() {
    auto first = co_await a_.scoped_lock();
    auto second = co_await b_.scoped_lock();
  }
  coro::task<> backward() {
    auto first = co_await b_.scoped_lock();
    auto second = co_await a_.scoped_lock();
  }
  coro::mutex a_, b_;
};

// The mutexes are parameters, or members of objects given as parameters:
// nothing says the two are given the same ones.
struct Account {
  coro::mutex m;
};
class Transfers {
public:
  coro::task<> pay(coro::mutex &x, coro::mutex &y) {
    auto first = co_await x.scoped_lock();
    auto second = co_await y.scoped_lock();
  }
  coro::task<> refund(coro::mutex &x, coro::mutex &y) {
    auto first = co_await y.scoped_lock();
    auto second = co_await x.scoped_lock();
  }
  coro::task<> move(Account &from, Account &to) {
    auto first = co_await from.m.scoped_lock();
    auto second = co_await to.m.scoped_lock();
  }
  coro::task<> move_back(Account &from, Account &to) {
    auto first = co_await to.m.scoped_lock();
    auto second = co_await from.m.scoped_lock();
  }
};

// A try-lock does not wait.
class TryLock {
public:
  coro::task<> forward() {
    auto first = co_await a_.scoped_lock();
    auto second = co_await b_.scoped_lock();
  }
  coro::task<> backward() {
    auto first = co_await b_.scoped_lock();
    if (a_.try_lock())
      a_.unlock();
  }

private:
  coro::mutex a_, b_;
};

// Static member coroutines have no object: only globals, not paired here.
coro::mutex g1, g2;
struct Statics {
  static coro::task<> forward() {
    auto first = co_await g1.scoped_lock();
    auto second = co_await g2.scoped_lock();
  }
  static coro::task<> backward() {
    auto first = co_await g2.scoped_lock();
    auto second = co_await g1.scoped_lock();
  }
};

// Members of one object in opposite orders, meant so (the program never
// runs the two at once): a NOLINT on the warning's line silences it (or
// either coroutine in IgnoredFunctions, or making them private).
class Intended {
public:
  coro::task<> forward() {
    auto first = co_await a_.scoped_lock();
    auto second = co_await b_.scoped_lock(); // NOLINT(async-circular-wait)
  }
  coro::task<> backward() {
    auto first = co_await b_.scoped_lock();
    auto second = co_await a_.scoped_lock();
  }

private:
  coro::mutex a_, b_;
};
