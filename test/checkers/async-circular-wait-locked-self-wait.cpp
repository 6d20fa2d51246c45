// RUN: %check_async_lint %s async-circular-wait %t

// A wait, while holding an asynchronous mutex, for a member event (a
// condition variable, a promise) whose every signaller in the unit takes
// that mutex first: the signal waits for the mutex, the mutex for the wait
// to end. Held by a guard of the coroutine, or by units it was given by
// value (the caller locked), alone or inside a struct.

#include <coroutine>
#include <utility>
using size_t_ = decltype(sizeof 0);

namespace seastar {
template <class T = void> class future {
public:
  struct promise_type {
    future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    template <class U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
template <> class future<void> {
public:
  struct promise_type {
    future get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};
class semaphore_units {
public:
  semaphore_units() = default;
  semaphore_units(semaphore_units &&) noexcept = default;
  semaphore_units &operator=(semaphore_units &&) noexcept = default;
  ~semaphore_units();
  void return_all();
};
class semaphore {
public:
  explicit semaphore(size_t_ count);
};
future<semaphore_units> get_units(semaphore &sem, size_t_ units);
class condition_variable {
public:
  future<> wait();
  void signal();
  void broadcast();
};
template <class T = void> class promise {
public:
  future<T> get_future();
  void set_value();
};
} // namespace seastar

namespace ssx {
class mutex {
public:
  seastar::future<seastar::semaphore_units> get_units();
};
} // namespace ssx

bool ready();
void publish();

// A guard of the coroutine's own, and a direct wait.
class table {
public:
  seastar::future<> flush() {
    auto units = co_await seastar::get_units(_sem, 1);
    while (!ready())
      co_await _flushed.wait();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: waits for '_flushed' while holding '_sem', which each of its signallers takes first: it never resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-4]]:18: note: '_sem' is locked here and still held at the wait
    // CHECK-NOTES: :[[@LINE+4]]:18: note: 'apply' signals '_flushed' only after it locks '_sem' here
  }
  // Every path to the signal takes the lock.
  seastar::future<> apply() {
    auto units = co_await seastar::get_units(_sem, 1);
    publish();
    _flushed.broadcast();
  }

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
};

// Units a caller locked, given by value; the wait one callee down.
class state_machine {
public:
  seastar::future<> apply() {
    auto units = co_await _apply_lock.get_units();
    publish();
    _applied.signal();
  }
  seastar::future<> wait_applied() {
    while (!ready())
      co_await _applied.wait();
  }
  seastar::future<> snapshot() {
    auto units = co_await _apply_lock.get_units();
    co_await take(std::move(units));
  }
  seastar::future<> take(seastar::semaphore_units units) {
    co_await wait_applied();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for '_applied' while holding '_apply_lock', which each of its signallers takes first: it never resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-9]]:7: note: '_applied' is awaited here, in 'wait_applied', which this await reaches
    // CHECK-NOTES: :[[@LINE-4]]:51: note: 'units' holds a lock of '_apply_lock', not released before the wait
    // CHECK-NOTES: :[[@LINE-8]]:18: note: '_apply_lock' is locked here, for what 'units' holds
    // CHECK-NOTES: :[[@LINE-18]]:18: note: 'apply' signals '_applied' only after it locks '_apply_lock' here
  }

private:
  ssx::mutex _apply_lock;
  seastar::condition_variable _applied;
};

// Units inside a struct the coroutine is given, made only from one lock;
// the wait two callees down, on another object; a member promise.
struct guard {
  seastar::semaphore_units units;
};
struct job {
  int id;
  guard g;
};
class group {
public:
  seastar::future<guard> start() {
    co_return guard{co_await seastar::get_units(_apply_mutex, 1)};
  }
  seastar::future<> commit() {
    auto units = co_await seastar::get_units(_apply_mutex, 1);
    _committed.set_value();
  }
  seastar::future<> await_commit() { co_await _committed.get_future(); }

private:
  seastar::semaphore _apply_mutex{1};
  seastar::promise<> _committed;
};
class coordinator {
public:
  seastar::future<> change(int id) { co_await _group.await_commit(); }
  seastar::future<job> handle(job j) {
    co_await change(j.id);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for '_committed' while holding '_apply_mutex', which each of its signallers takes first: it never resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-12]]:38: note: '_committed' is awaited here, in 'await_commit', which this await reaches
    // CHECK-NOTES: :[[@LINE-4]]:35: note: 'j.g.units' holds a lock of '_apply_mutex', not released before the wait
    // CHECK-NOTES: :[[@LINE-20]]:21: note: '_apply_mutex' is locked here, for what 'j.g.units' holds
    // CHECK-NOTES: :[[@LINE-18]]:18: note: 'commit' signals '_committed' only after it locks '_apply_mutex' here
    co_return std::move(j);
  }

private:
  group &_group;
};

// A class template, a lock taken through a macro, and a lambda coroutine.
#define LOCKED(m) co_await seastar::get_units(m, 1)
template <class T> class cache {
public:
  seastar::future<> evict() {
    auto units = LOCKED(_sem);
    co_await _drained.wait();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: waits for '_drained' while holding '_sem', which each of its signallers takes first: it never resumes [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-3]]:18: note: '_sem' is locked here and still held at the wait
    // CHECK-NOTES: :[[@LINE-8]]:19: note: expanded from macro 'LOCKED'
    // CHECK-NOTES: :[[@LINE+4]]:18: note: 'drain' signals '_drained' only after it locks '_sem' here
    // CHECK-NOTES: :[[@LINE-10]]:19: note: expanded from macro 'LOCKED'
  }
  seastar::future<> drain() {
    auto units = LOCKED(_sem);
    _drained.signal();
  }
  auto refresher() {
    return [this]() -> seastar::future<> {
      auto units = co_await _other_sem.get_units();
      co_await _refreshed.wait();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: waits for '_refreshed' while holding '_other_sem', which each of its signallers takes first: it never resumes [async-circular-wait]
      // CHECK-NOTES: :[[@LINE-3]]:20: note: '_other_sem' is locked here and still held at the wait
      // CHECK-NOTES: :[[@LINE+4]]:18: note: 'refresh' signals '_refreshed' only after it locks '_other_sem' here
    };
  }
  seastar::future<> refresh() {
    auto units = co_await _other_sem.get_units();
    _refreshed.broadcast();
  }

private:
  seastar::semaphore _sem{1};
  ssx::mutex _other_sem;
  seastar::condition_variable _drained, _refreshed;
};
template class cache<int>;

// ---- Silent.

// One signaller signals without the lock: the wait can end.
class unlocked_signal {
public:
  seastar::future<> flush() {
    auto units = co_await seastar::get_units(_sem, 1);
    co_await _flushed.wait();
  }
  seastar::future<> apply() {
    auto units = co_await seastar::get_units(_sem, 1);
    _flushed.broadcast();
  }
  void on_timer() { _flushed.broadcast(); }

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
};

// The signaller takes the lock on one path only.
class maybe_locked {
public:
  seastar::future<> flush() {
    auto units = co_await seastar::get_units(_sem, 1);
    co_await _flushed.wait();
  }
  seastar::future<> apply(bool fast) {
    if (fast) {
      _flushed.signal();
      co_return;
    }
    auto units = co_await seastar::get_units(_sem, 1);
    _flushed.signal();
  }

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
};

// The guard is released before the wait: its scope ended, or its units
// were returned.
class released {
public:
  seastar::future<> flush() {
    {
      auto units = co_await seastar::get_units(_sem, 1);
      publish();
    }
    co_await _flushed.wait();
  }
  seastar::future<> flush_returned() {
    auto units = co_await seastar::get_units(_sem, 1);
    units.return_all();
    co_await _flushed.wait();
  }
  seastar::future<> take(seastar::semaphore_units units) {
    units = seastar::semaphore_units();
    co_await _flushed.wait();
  }
  seastar::future<> snapshot() {
    auto units = co_await seastar::get_units(_sem, 1);
    co_await take(std::move(units));
  }
  seastar::future<> apply() {
    auto units = co_await seastar::get_units(_sem, 1);
    _flushed.broadcast();
  }

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
};

// No signaller is shown: the one that signals is only declared here.
class declared_signaller {
public:
  seastar::future<> flush() {
    auto units = co_await seastar::get_units(_sem, 1);
    co_await _flushed.wait();
  }
  seastar::future<> apply();

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
};

// The signal is in a lambda that runs later, not under the lock it sees.
class deferred_signal {
public:
  seastar::future<> flush() {
    auto units = co_await seastar::get_units(_sem, 1);
    co_await _flushed.wait();
  }
  seastar::future<> apply() {
    auto units = co_await seastar::get_units(_sem, 1);
    _later = [this] { _flushed.signal(); };
  }

private:
  seastar::semaphore _sem{1};
  seastar::condition_variable _flushed;
  void (*_unused)() = nullptr;
  struct fn {
    template <class F> fn &operator=(F) { return *this; }
  } _later;
};

// Units given by a caller that did not lock: nothing known is held; and a
// struct whose units are made from two different mutexes.
struct other_guard {
  seastar::semaphore_units units;
};
struct other_job {
  other_guard g;
};
class unknown_units {
public:
  seastar::future<> take(seastar::semaphore_units units) {
    co_await _flushed.wait();
  }
  seastar::future<> start() { co_await take(seastar::semaphore_units()); }
  seastar::future<> handle(other_job j) { co_await _flushed.wait(); }
  seastar::future<other_guard> one() {
    co_return other_guard{co_await seastar::get_units(_sem, 1)};
  }
  seastar::future<other_guard> other() {
    co_return other_guard{co_await seastar::get_units(_other, 1)};
  }
  seastar::future<> apply() {
    auto units = co_await seastar::get_units(_sem, 1);
    _flushed.broadcast();
  }

private:
  seastar::semaphore _sem{1}, _other{1};
  seastar::condition_variable _flushed;
};
