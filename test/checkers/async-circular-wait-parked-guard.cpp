// RUN: %check_async_lint %s async-circular-wait %t

// A guard of an asynchronous mutex moved into a lazy task that has not
// started: the task's frame keeps the lock until the task runs, and a lazy
// task runs only when it is awaited or started. The creator then awaits a
// lock of the same mutex before it awaits, starts or lets go of the task:
// the lock waits for the task and the task for the creator.

#include "cppcoro/async_mutex.hpp"
#include "cppcoro/async_scope.hpp"
#include "cppcoro/task.hpp"
#include "task.h"
#include <utility>

cppcoro::task<> consume(cppcoro::async_mutex_lock guard) { co_return; }

cppcoro::task<> creator(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  auto later = consume(std::move(guard));
  co_await m.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'm', which coroutine 'consume' holds until it runs: it never resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-4]]:16: note: 'm' is locked here
  // CHECK-NOTES: :[[@LINE-4]]:24: note: its guard is moved here into coroutine 'consume', a lazy task kept in 'later' and not awaited before this lock: await it first
  co_await later;
}

// The awaited lock handed to the coroutine directly.
cppcoro::task<> direct(cppcoro::async_mutex &m) {
  auto later = consume(co_await m.scoped_lock_async());
  auto again = co_await m.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: waits for mutex 'm', which coroutine 'consume' holds
  // CHECK-NOTES: :[[@LINE-3]]:24: note: 'm' is locked here
  // CHECK-NOTES: :[[@LINE-4]]:24: note: its guard is moved here into coroutine 'consume'
}

// A member mutex, a member coroutine, a macro for the relock.
#define RELOCK(mutex) co_await (mutex).lock_async()
struct Account {
  cppcoro::async_mutex mutex;
  cppcoro::task<> audit(cppcoro::async_mutex_lock held, int id) { co_return; }
  cppcoro::task<> update() {
    auto guard = co_await mutex.scoped_lock_async();
    auto pending = audit(std::move(guard), 1);
    RELOCK(mutex);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for mutex 'mutex', which coroutine 'audit' holds
    // CHECK-NOTES: :37:23: note: expanded from macro 'RELOCK'
    // CHECK-NOTES: :[[@LINE-5]]:18: note: 'mutex' is locked here
    // CHECK-NOTES: :[[@LINE-5]]:26: note: its guard is moved here into coroutine 'audit'
    co_await pending;
  }
};

// A lambda coroutine, in a template.
template <class Mutex> cppcoro::task<> generic(Mutex &m) {
  auto body = [](cppcoro::async_mutex_lock g) -> cppcoro::task<> { co_return; };
  auto guard = co_await m.scoped_lock_async();
  auto t = body(std::move(guard));
  co_await m.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'm', which the coroutine lambda holds
  // CHECK-NOTES: :[[@LINE-4]]:16: note: 'm' is locked here
  // CHECK-NOTES: :[[@LINE-4]]:17: note: its guard is moved here into the coroutine lambda, a lazy task kept in 't'
}
template cppcoro::task<> generic(cppcoro::async_mutex &);

// Silent: the task is awaited (it runs, and lets go) before the relock.
cppcoro::task<> awaited_first(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  auto later = consume(std::move(guard));
  co_await std::move(later);
  co_await m.lock_async();
}

// Silent: the task is started in a scope first (it runs until it suspends:
// whether it lets go then is not known here).
cppcoro::task<> started_first(cppcoro::async_mutex &m,
                              cppcoro::async_scope &scope) {
  auto guard = co_await m.scoped_lock_async();
  auto later = consume(std::move(guard));
  scope.spawn(std::move(later));
  co_await m.lock_async();
}

// Silent: the task's local dies (and its frame with the guard) before.
cppcoro::task<> scoped(cppcoro::async_mutex &m) {
  {
    auto guard = co_await m.scoped_lock_async();
    auto later = consume(std::move(guard));
  }
  co_await m.lock_async();
}

// Silent: the task is not kept; its frame dies with the full expression.
cppcoro::task<> dropped(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  (void)consume(std::move(guard));
  co_await m.lock_async();
}

// Silent: an eager coroutine runs at once and may end, releasing the lock.
demo::fire_and_forget eager(cppcoro::async_mutex_lock guard) { co_return; }
cppcoro::task<> eager_creator(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  eager(std::move(guard));
  co_await m.lock_async();
}

// Silent: another mutex is locked again; the same member of another object.
cppcoro::task<> other_mutex(cppcoro::async_mutex &m, cppcoro::async_mutex &n) {
  auto guard = co_await m.scoped_lock_async();
  auto later = consume(std::move(guard));
  co_await n.lock_async();
  co_await later;
}
cppcoro::task<> other_object(Account &a, Account &b) {
  auto guard = co_await a.mutex.scoped_lock_async();
  auto later = b.audit(std::move(guard), 2);
  co_await b.mutex.lock_async();
  co_await later;
}

// Silent: the guard is taken by reference: the creator keeps it (another
// pitfall, not this one).
cppcoro::task<> borrow(const cppcoro::async_mutex_lock &guard) { co_return; }
cppcoro::task<> by_reference(cppcoro::async_mutex &m) {
  auto guard = co_await m.scoped_lock_async();
  auto later = borrow(guard);
  co_await m.lock_async();
}
