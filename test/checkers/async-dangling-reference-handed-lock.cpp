// RUN: %check_async_lint %s async-dangling-reference %t

// A detached child whose last use of the caller's local mutex (or
// semaphore) hands it over (unlock, release) to a waiter task the caller
// started earlier and then joins, before the local dies: the waiter can
// only finish after the hand-over, so the caller outlives the child's use
// (TooManyCooks' co_unlock_return() tests). Reported when the child uses
// the lock after the hand-over, when it takes the lock itself first (the
// caller may win it), and when the caller may leave before the join.

#include <coroutine>
#include <utility>

namespace tmc {
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    // Every await goes through it: it makes the awaiter of an object with
    // an operator co_await itself.
    template <class A> decltype(auto) await_transform(A &&a) {
      if constexpr (requires { a.operator co_await(); })
        return a.operator co_await();
      else
        return static_cast<A &&>(a);
    }
  };
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct joiner {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct [[nodiscard]] spawned {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
  joiner fork() &&;
  void detach() &&;
};
spawned spawn(task t);
task reschedule();

struct acquire {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
class mutex {
public:
  acquire operator co_await();
  task co_unlock_return();
  void unlock();
  bool is_locked();
};
class semaphore {
public:
  explicit semaphore(int count);
  acquire operator co_await();
  task co_release_return();
};
} // namespace tmc

void note(int);

tmc::task waiter(tmc::mutex &m) {
  co_await m;
  note(1);
}

// Silent: the child's only use is the hand-over; the caller joins the
// waiter it forked before the mutex dies.
tmc::task handed_over() {
  tmc::mutex mut;
  co_await mut;
  auto t = tmc::spawn(waiter(mut)).fork();
  co_await tmc::reschedule();
  tmc::spawn([](auto &m) -> tmc::task {
    note(0);
    co_await m.co_unlock_return();
    note(2);
  }(mut))
      .detach();
  co_await tmc::reschedule();
  co_await std::move(t);
}

// The same with a semaphore, a waiter lambda and a macro.
#define DETACH(x) tmc::spawn(x).detach()
tmc::task sem_handed_over() {
  tmc::semaphore sem(0);
  auto t = tmc::spawn([](tmc::semaphore &s) -> tmc::task {
             co_await s;
           }(sem))
               .fork();
  DETACH([](tmc::semaphore &s) -> tmc::task {
    co_await s.co_release_return();
  }(sem));
  co_await std::move(t);
}

// The same in a template.
template <class Mutex> tmc::task handed_over_t() {
  Mutex mut;
  co_await mut;
  auto t = tmc::spawn([](Mutex &m) -> tmc::task { co_await m; }(mut)).fork();
  tmc::spawn([](Mutex &m) -> tmc::task { co_await m.co_unlock_return(); }(mut))
      .detach();
  co_await std::move(t);
}
template tmc::task handed_over_t<tmc::mutex>();

// Reported: the child reads the mutex after handing it over.
tmc::task used_after() {
  tmc::mutex mut;
  co_await mut;
  auto t = tmc::spawn(waiter(mut)).fork();
  tmc::spawn([](tmc::mutex &m) -> tmc::task {
    co_await tmc::reschedule();
    m.unlock();
    note(m.is_locked());
  }(mut))
      .detach();
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: parameter 'm' of coroutine lambda refers to local 'mut', which the task may outlive [async-dangling-reference]
  co_await std::move(t);
}

// Reported: the child takes the lock itself before it unlocks; the waiter
// (or the caller) may take it first and the caller go on.
tmc::task locks_first() {
  tmc::mutex mut;
  auto t = tmc::spawn(waiter(mut)).fork();
  tmc::spawn([](tmc::mutex &m) -> tmc::task {
    co_await m;
    m.unlock();
  }(mut))
      .detach();
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: parameter 'm' of coroutine lambda refers to local 'mut', which the task may outlive [async-dangling-reference]
  co_await std::move(t);
}

// Reported: the caller may leave before it joins the waiter.
tmc::task leaves_first(bool stop) {
  tmc::mutex mut;
  co_await mut;
  auto t = tmc::spawn(waiter(mut)).fork();
  tmc::spawn([](tmc::mutex &m) -> tmc::task {
    co_await m.co_unlock_return();
  }(mut))
      .detach();
  // CHECK-MESSAGES: :[[@LINE-5]]:30: warning: parameter 'm' of coroutine 'waiter' refers to local 'mut', which the task may outlive [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: parameter 'm' of coroutine lambda refers to local 'mut', which the task may outlive [async-dangling-reference]
  if (stop)
    co_return;
  co_await std::move(t);
}

// Reported: the joined task does not wait on the mutex.
tmc::task other_join() {
  tmc::mutex mut;
  co_await mut;
  tmc::semaphore sem(0);
  auto t = tmc::spawn([](tmc::semaphore &s) -> tmc::task {
             co_await s;
           }(sem))
               .fork();
  tmc::spawn([](tmc::mutex &m) -> tmc::task {
    co_await m.co_unlock_return();
  }(mut))
      .detach();
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: parameter 'm' of coroutine lambda refers to local 'mut', which the task may outlive [async-dangling-reference]
  co_await std::move(t);
}

// Reported: the joined waiter may end without waiting on the mutex.
tmc::task waiter_may_skip() {
  tmc::mutex mut;
  co_await mut;
  auto t = tmc::spawn([](tmc::mutex &m, bool b) -> tmc::task {
             if (b)
               co_return;
             co_await m;
           }(mut, true))
               .fork();
  tmc::spawn([](tmc::mutex &m) -> tmc::task {
    co_await m.co_unlock_return();
  }(mut))
      .detach();
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: parameter 'm' of coroutine lambda refers to local 'mut', which the task may outlive [async-dangling-reference]
  co_await std::move(t);
}
