// RUN: %check_async_lint %s async-lock-across-suspend %t

// Locks held where a coroutine suspends: RAII guards (with or without
// template arguments), mutexes locked by hand, suspensions anywhere in a
// statement; silent once the lock is released on every path, and for
// asynchronous mutexes whose lock is awaited.

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "task.h"

demo::task<int> fetch();
demo::task<> sub();
bool ready();
void work();

std::mutex M;
std::shared_mutex S;

// --- RAII guards.

demo::task<> guard_with_arguments() {
  std::lock_guard<std::mutex> G(M);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G' [async-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}

// Class template argument deduction (cppcoreguidelines-no-suspend-with-lock
// misses it), and a suspension inside an initialiser
// (misc-coroutine-hostile-raii misses it).
demo::task<int> deduced_and_initialiser() {
  std::lock_guard G(M);
  int X = co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:11: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
  co_return X;
}

demo::task<int> other_guards() {
  auto U = std::unique_lock(M);
  if (co_await fetch() > 0)
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: coroutine suspends while holding lock 'U'
    // CHECK-NOTES: :[[@LINE-2]]:7: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
    work();
  U.unlock();
  std::scoped_lock Both(M, S);
  co_return co_await fetch();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: coroutine suspends while holding lock 'Both'
  // CHECK-NOTES: :[[@LINE-2]]:13: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}

demo::task<> shared_guard() {
  std::shared_lock R(S);
  for (int I = co_await fetch(); I > 0; --I)
    // CHECK-NOTES: :[[@LINE-1]]:16: warning: coroutine suspends while holding lock 'R'
    // CHECK-NOTES: :[[@LINE-2]]:16: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
    work();
}

// A type marked with Clang's thread-safety attributes.
class __attribute__((capability("mutex"))) spin {
public:
  void acquire() __attribute__((acquire_capability()));
  void release() __attribute__((release_capability()));
};
class __attribute__((scoped_lockable)) spin_guard {
public:
  explicit spin_guard(spin &s) __attribute__((acquire_capability(s)));
  ~spin_guard() __attribute__((release_capability()));
};
spin Spin;
demo::task<> annotated() {
  spin_guard G(Spin);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}

// On one path only: held at the suspension when the branch was not taken.
demo::task<> one_path() {
  std::unique_lock L(M);
  if (ready())
    L.unlock();
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'L'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the lock is taken here
}

// --- Mutexes locked by hand (cppcoreguidelines-no-suspend-with-lock ignores
// them).

demo::task<> manual() {
  M.lock();
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'M'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the mutex is locked here
  M.unlock();
}

demo::task<> manual_shared_and_try() {
  S.lock_shared();
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'S'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the mutex is locked here
  S.unlock_shared();
  if (M.try_lock()) {
    co_await sub();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding mutex 'M'
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-4]]:7: note: the mutex is locked here
    M.unlock();
  }
  // The lock failed: nothing is held.
  if (!M.try_lock())
    co_await sub();
}

struct service {
  std::mutex Lock;
  int Count = 0;
  demo::task<> bump() {
    Lock.lock();
    ++Count;
    co_await sub();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding mutex 'Lock'
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the mutex is locked here
    Lock.unlock();
  }
};

// --- Suspensions elsewhere in a statement: arguments, co_yield, lambdas.

void consume(int);
demo::task<> argument() {
  std::lock_guard G(M);
  consume(co_await fetch());
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:11: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}

auto lambda = []() -> demo::task<> {
  std::lock_guard G(M);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
};

// --- Templates and macros: reported once, at the pattern's suspension.

template <class Mutex> demo::task<> generic(Mutex &Mu) {
  std::lock_guard G(Mu);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'G'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
}
template demo::task<> generic(std::mutex &);
template demo::task<> generic(std::recursive_mutex &);

#define LOCKED(MU) std::lock_guard Guard(MU)
demo::task<> macro() {
  LOCKED(M);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'Guard'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-4]]:3: note: the lock is taken here
  // CHECK-NOTES: :[[@LINE-7]]:20: note: expanded from macro 'LOCKED'
}

// --- Exceptions, switch and goto.

demo::task<> in_try() {
  std::lock_guard G(M);
  try {
    co_await sub();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'G'
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-5]]:3: note: the lock is taken here
  } catch (...) {
  }
}

demo::task<> in_switch(int K) {
  switch (K) {
  case 0: {
    std::lock_guard G(M);
    co_await sub();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'G'
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the lock is taken here
    break;
  }
  default:
    co_await sub();
  }
}

demo::task<> with_goto() {
  M.lock();
  if (ready())
    goto out;
  M.unlock();
  co_await sub();
out:
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding mutex 'M'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the mutex deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-9]]:3: note: the mutex is locked here
  M.unlock();
}

// Handed by reference to code that keeps it locked (a condition variable's
// wait returns with the lock held; a visible function that only looks).
bool inspect(std::unique_lock<std::mutex> &L) { return L.owns_lock(); }
void wait_on(std::unique_lock<std::mutex> &L);
demo::task<> handed_but_held() {
  std::unique_lock<std::mutex> L(M);
  inspect(L);
  wait_on(L);
  co_await sub();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: coroutine suspends while holding lock 'L'
  // CHECK-NOTES: :[[@LINE-2]]:3: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
  // CHECK-NOTES: :[[@LINE-6]]:3: note: the lock is taken here
}

// Twins of the condition-variable wait in the silent test: the wait is handed
// another mutex than the one held, or the held lock stays held at an await
// that is not handed it.
#include "async_simple/ConditionVariable.h"

struct two_queues {
  async_simple::coro::SpinLock Mutex, Other;
  async_simple::coro::ConditionVariable<async_simple::coro::SpinLock> Cv;
  bool Empty = true;
  async_simple::coro::Lazy<> wrong_mutex() {
    std::unique_lock Lk(Mutex);
    co_await Cv.wait(Other, [&] { return !Empty; });
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'Lk'{{.*}} [async-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-4]]:5: note: the lock is taken here
  }
  async_simple::coro::Lazy<> awaits_after_wait() {
    std::unique_lock Lk(Mutex);
    co_await Cv.wait(Mutex, [&] { return !Empty; });
    co_await Mutex.coLock();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: coroutine suspends while holding lock 'Lk'{{.*}} [async-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: while suspended here, another task on this executor that waits for the lock deadlocks a single-threaded executor, and if the coroutine resumes on another thread it unlocks the mutex there
    // CHECK-NOTES: :[[@LINE-5]]:5: note: the lock is taken here
  }
};
