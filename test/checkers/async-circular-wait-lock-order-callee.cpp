// RUN: %check_async_lint %s async-circular-wait %t

// Lock orders through one level of callee: a coroutine that holds mutex A
// and awaits a callee coroutine (its body in the unit) that locks mutex B
// waits for B while holding A, as if it locked B itself. Against another
// coroutine started with it that locks B and then A, that is a cycle. The
// callee's mutex must be one the caller can name: a reference or pointer
// parameter (the caller's argument), a member of the caller's own object, a
// global.

#include "coro/libcoro.hpp"
#include "cppcoro/async_mutex.hpp"

coro::mutex a, b;

coro::task<> lock_b() { auto guard = co_await b.scoped_lock(); }

coro::task<> holds_a_then_calls() {
  auto first = co_await a.scoped_lock();
  co_await lock_b();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'b' while holding 'a'; coroutine 'b_then_a' locks them in the opposite order [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:16: note: 'a' is locked here
  // CHECK-NOTES: :[[@LINE+10]]:27: note: coroutine 'holds_a_then_calls' is started here
  // CHECK-NOTES: :[[@LINE+9]]:49: note: and coroutine 'b_then_a' here, to run together with it
  // CHECK-NOTES: :[[@LINE+4]]:16: note: coroutine 'b_then_a' locks 'b' here
  // CHECK-NOTES: :[[@LINE+4]]:17: note: and waits for 'a' here: each holds the mutex the other waits for; lock them in one order everywhere
}
coro::task<> b_then_a() {
  auto first = co_await b.scoped_lock();
  auto second = co_await a.scoped_lock();
}
coro::task<> run_both() {
  co_await coro::when_all(holds_a_then_calls(), b_then_a());
}

// The callee given the mutex by reference; both sides through callees;
// spawned one after the other.
coro::task<> take(cppcoro::async_mutex &m) { co_await m.lock_async(); }
coro::task<> transfer(cppcoro::async_mutex &from, cppcoro::async_mutex &to) {
  co_await from.lock_async();
  co_await take(to);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'to' while holding 'from'; another run of coroutine 'transfer' locks them in the opposite order [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'from' is locked here
  // CHECK-NOTES: :[[@LINE+8]]:23: note: coroutine 'transfer' is started here
  // CHECK-NOTES: :[[@LINE+8]]:23: note: and coroutine 'transfer' here, to run together with it
  // CHECK-NOTES: :[[@LINE-6]]:3: note: coroutine 'transfer' locks 'from' here
  // CHECK-NOTES: :[[@LINE-6]]:3: note: and waits for 'to' here: each holds the mutex the other waits for; lock them in one order everywhere
  from.unlock();
}
void start_transfers(coro::thread_pool &pool, cppcoro::async_mutex &x,
                     cppcoro::async_mutex &y) {
  pool.spawn_detached(transfer(x, y));
  pool.spawn_detached(transfer(y, x));
}

// Members of the caller's own object, in a class template, the callee a
// member called on this. (Private: only both() runs them, so they are not
// paired as member coroutines that may run at once without a start.)
template <class Mutex> struct Account {
  Mutex balance, audit;

private:
  coro::task<> log() { auto l = co_await audit.scoped_lock(); }
  coro::task<> deposit() {
    auto l = co_await balance.scoped_lock();
    co_await log();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for mutex 'audit' while holding 'balance'; coroutine 'review' locks them in the opposite order [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-3]]:14: note: 'balance' is locked here
    // CHECK-NOTES: :[[@LINE+15]]:29: note: coroutine 'deposit' is started here
    // CHECK-NOTES: :[[@LINE+14]]:40: note: and coroutine 'review' here, to run together with it
    // CHECK-NOTES: :[[@LINE+7]]:14: note: coroutine 'review' locks 'audit' here
    // CHECK-NOTES: :[[@LINE+4]]:17: note: expanded from macro 'LOCK'
    // CHECK-NOTES: :[[@LINE+6]]:15: note: and waits for 'balance' here: each holds the mutex the other waits for; lock them in one order everywhere
    // CHECK-NOTES: :[[@LINE+2]]:17: note: expanded from macro 'LOCK'
  }
#define LOCK(m) co_await (m).scoped_lock()
  coro::task<> review() {
    auto l = LOCK(audit);
    auto l2 = LOCK(balance);
  }

public:
  coro::task<> both() {
    co_await coro::when_all(deposit(), review());
  }
};
template struct Account<coro::mutex>;

// ---- Silent.

// The callee locks in the same order as the other coroutine.
coro::task<> lock_a() { auto guard = co_await a.scoped_lock(); }
coro::task<> holds_b_then_calls_a() {
  auto first = co_await b.scoped_lock();
  co_await lock_a();
}
coro::task<> b_then_a_too() {
  auto first = co_await b.scoped_lock();
  auto second = co_await a.scoped_lock();
}
coro::task<> same_order() {
  co_await coro::when_all(holds_b_then_calls_a(), b_then_a_too());
}

// The callee is awaited after the lock was released.
coro::task<> released_then_calls() {
  {
    auto first = co_await a.scoped_lock();
  }
  co_await lock_b();
}
coro::task<> released_runs_with_b_then_a() {
  co_await coro::when_all(released_then_calls(), b_then_a());
}

// The callee's own local mutex is not the caller's.
coro::task<> own_local() {
  coro::mutex mine;
  auto guard = co_await mine.scoped_lock();
}
coro::task<> holds_a_calls_own_local() {
  auto first = co_await a.scoped_lock();
  co_await own_local();
}
coro::task<> local_runs_with_b_then_a() {
  co_await coro::when_all(holds_a_calls_own_local(), b_then_a());
}

// A limit: a lock two levels of callee down is not followed.
coro::task<> calls_lock_b() { co_await lock_b(); }
coro::task<> holds_a_two_levels() {
  auto first = co_await a.scoped_lock();
  co_await calls_lock_b();
}
coro::task<> two_levels_runs_with_b_then_a() {
  co_await coro::when_all(holds_a_two_levels(), b_then_a());
}

// A limit: a member of another object than the caller's is not followed
// (the callee is not called on this).
struct Other {
  coro::mutex m;
  coro::task<> lock_m() { auto g = co_await m.scoped_lock(); }
};
Other other;
coro::task<> holds_a_other_member() {
  auto first = co_await a.scoped_lock();
  co_await other.lock_m();
}
coro::task<> other_m_then_a() {
  auto first = co_await other.m.scoped_lock();
  auto second = co_await a.scoped_lock();
}
coro::task<> other_runs() {
  co_await coro::when_all(holds_a_other_member(), other_m_then_a());
}
