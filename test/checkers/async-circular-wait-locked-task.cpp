// RUN: %check_async_lint %s async-circular-wait %t

// A task that holds its creator's mutex while it waits for an event the
// creator sets only after its own lock of that mutex. The task must have
// started (an eager coroutine, or one given to cppcoro's async_scope::spawn,
// which runs it inline until it first suspends) and, on every path, take the
// mutex and then suspend, holding it, on the event, with no other
// suspension before. Then the creator's lock waits for the task, the task
// for the event, and the event for the lock.

#include "cppcoro/async_mutex.hpp"
#include "cppcoro/async_scope.hpp"
#include "cppcoro/events.hpp"
#include "cppcoro/task.hpp"
#include "task.h"

// An eager coroutine: runs in its caller until it first suspends.
demo::fire_and_forget holder(cppcoro::async_mutex &m,
                             cppcoro::single_consumer_event &ready) {
  auto guard = co_await m.scoped_lock_async();
  co_await ready;
}

cppcoro::task<> creator() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  auto guard = co_await m.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: waits for mutex 'm', held by coroutine 'holder' until 'ready' is set after this lock: neither resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: coroutine 'holder' is started here and runs at once, until it first suspends
  // CHECK-NOTES: :[[@LINE-11]]:16: note: coroutine 'holder' locks 'm' here
  // CHECK-NOTES: :[[@LINE-11]]:3: note: and suspends here, holding it, until 'ready' is set
  ready.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'ready' is set only here, after the lock; set it before the lock, or start the task after the lock is released
}

// A lazy task given to async_scope::spawn, which starts it at once; the
// lock without a guard (held until unlock()).
cppcoro::task<> lazy_holder(cppcoro::async_mutex &m,
                            cppcoro::async_manual_reset_event &ready) {
  co_await m.lock_async();
  co_await ready;
  m.unlock();
}
cppcoro::task<> spawning_creator() {
  cppcoro::async_mutex m;
  cppcoro::async_manual_reset_event ready;
  cppcoro::async_scope scope;
  scope.spawn(lazy_holder(m, ready));
  co_await m.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: waits for mutex 'm', held by coroutine 'lazy_holder' until 'ready' is set after this lock: neither resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: coroutine 'lazy_holder' is started here and runs at once, until it first suspends
  // CHECK-NOTES: :[[@LINE-12]]:3: note: coroutine 'lazy_holder' locks 'm' here
  // CHECK-NOTES: :[[@LINE-12]]:3: note: and suspends here, holding it, until 'ready' is set
  ready.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'ready' is set only here, after the lock
  m.unlock();
  co_await scope.join();
}

// A lambda coroutine, eager, called at once; the creator a member function;
// the creator's lock through a macro.
#define LOCK(mutex) co_await (mutex).scoped_lock_async()
struct Service {
  cppcoro::task<> run() {
    cppcoro::async_mutex m;
    cppcoro::single_consumer_event ready;
    [&]() -> demo::fire_and_forget {
      auto guard = co_await m.scoped_lock_async();
      co_await ready;
    }();
    auto guard = LOCK(m);
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: waits for mutex 'm', held by the coroutine lambda until 'ready' is set after this lock: neither resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-11]]:21: note: expanded from macro 'LOCK'
    // CHECK-NOTES: :[[@LINE-7]]:5: note: the coroutine lambda is started here and runs at once, until it first suspends
    // CHECK-NOTES: :[[@LINE-7]]:20: note: the coroutine lambda locks 'm' here
    // CHECK-NOTES: :[[@LINE-7]]:7: note: and suspends here, holding it, until 'ready' is set
    ready.set();
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'ready' is set only here, after the lock
  }
};

// A template creator, instantiated.
template <class Mutex> cppcoro::task<> generic_creator() {
  Mutex m;
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  auto guard = co_await m.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: waits for mutex 'm', held by coroutine 'holder' until 'ready' is set after this lock: neither resumes [async-circular-wait]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: coroutine 'holder' is started here
  // CHECK-NOTES: :[[@LINE-71]]:16: note: coroutine 'holder' locks 'm' here
  // CHECK-NOTES: :[[@LINE-71]]:3: note: and suspends here, holding it, until 'ready' is set
  ready.set();
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'ready' is set only here, after the lock
}
template cppcoro::task<> generic_creator<cppcoro::async_mutex>();

// ---- Silent.

// A lazy task created and not started holds nothing; awaited after the
// lock is released, it takes the mutex then.
cppcoro::task<> lazy_not_started() {
  cppcoro::async_mutex m;
  cppcoro::async_manual_reset_event ready;
  auto task = lazy_holder(m, ready);
  {
    auto guard = co_await m.scoped_lock_async();
    ready.set();
  }
  co_await task;
}

// The creator sets the event before its lock.
cppcoro::task<> set_before_lock() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  ready.set();
  auto guard = co_await m.scoped_lock_async();
}

// The task waits for the event before it takes the mutex.
demo::fire_and_forget waits_then_locks(cppcoro::async_mutex &m,
                                       cppcoro::single_consumer_event &ready) {
  co_await ready;
  auto guard = co_await m.scoped_lock_async();
}
cppcoro::task<> waits_first() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  waits_then_locks(m, ready);
  auto guard = co_await m.scoped_lock_async();
  ready.set();
}

// The task lets go of the mutex before it waits.
demo::fire_and_forget releases(cppcoro::async_mutex &m,
                               cppcoro::single_consumer_event &ready) {
  co_await m.lock_async();
  m.unlock();
  co_await ready;
}
cppcoro::task<> released_first() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  releases(m, ready);
  auto guard = co_await m.scoped_lock_async();
  ready.set();
}

// The task suspends on something else first: it may not hold the mutex yet
// when the creator locks it.
cppcoro::task<> elsewhere();
demo::fire_and_forget suspends_first(cppcoro::async_mutex &m,
                                     cppcoro::single_consumer_event &ready) {
  co_await elsewhere();
  auto guard = co_await m.scoped_lock_async();
  co_await ready;
}
cppcoro::task<> suspended_first() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  suspends_first(m, ready);
  auto guard = co_await m.scoped_lock_async();
  ready.set();
}

// The event is handed to a third party before the lock.
void give(cppcoro::single_consumer_event &);
cppcoro::task<> event_handed_on() {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  give(ready);
  auto guard = co_await m.scoped_lock_async();
}

// Another mutex.
cppcoro::task<> other_mutex() {
  cppcoro::async_mutex m, other;
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  auto guard = co_await other.scoped_lock_async();
  ready.set();
}

// The mutex a parameter: someone else may hold it when the task tries.
cppcoro::task<> mutex_parameter(cppcoro::async_mutex &m) {
  cppcoro::single_consumer_event ready;
  holder(m, ready);
  auto guard = co_await m.scoped_lock_async();
  ready.set();
}

// Started only on some paths to the lock.
cppcoro::task<> started_sometimes(bool flag) {
  cppcoro::async_mutex m;
  cppcoro::single_consumer_event ready;
  if (flag)
    holder(m, ready);
  auto guard = co_await m.scoped_lock_async();
  ready.set();
}
