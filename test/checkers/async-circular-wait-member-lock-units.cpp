// RUN: %check_async_lint %s async-circular-wait %t

// Awaited acquisitions that return a guard holding the lock (AsyncMutexes
// members and AsyncLockFunctions): Seastar's get_units(semaphore, n) and a
// mutex over a one-unit semaphore whose get_units() returns the units. The
// units hold the lock while their variable lives. Between member
// coroutines of one class: the object's own mutex and the same member of
// an object each is given (assumed given the same one).

#include <coroutine>
using size_t_ = decltype(sizeof 0);


namespace seastar {
template <class T = void> class future;
class semaphore_units {
public:
  semaphore_units() = default;
  semaphore_units(semaphore_units &&) noexcept = default;
  ~semaphore_units();
};
template <> class future<semaphore_units> {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  semaphore_units await_resume();
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
class semaphore {
public:
  explicit semaphore(size_t_ count);
};
future<semaphore_units> get_units(semaphore &sem, size_t_ units);
} // namespace seastar

namespace ssx {
class mutex {
public:
  seastar::future<seastar::semaphore_units> get_units() {
    return seastar::get_units(sem_, 1);
  }
  bool try_get_units();

private:
  seastar::semaphore sem_{1};
};
} // namespace ssx

struct chunk {
  ssx::mutex lock;
};
seastar::future<> write_out(chunk *c);

// The object's mutex, then the chunk's; the other: the chunk's, then (in
// a member coroutine awaited) the object's.
class flusher {
public:
  seastar::future<> flush(chunk *c) {
    auto mine = co_await _mutex.get_units();
    auto theirs = co_await c->lock.get_units();
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: waits for mutex 'lock' while holding '_mutex'; coroutine 'compact' locks them in the opposite order [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-3]]:17: note: '_mutex' is locked here
    // CHECK-NOTES: :[[@LINE+4]]:21: note: coroutine 'flush' and coroutine 'compact' are member coroutines of 'flusher' that code outside it can call: they may run at once on one object, given the same 'c'
    // CHECK-NOTES: :[[@LINE+4]]:19: note: coroutine 'compact' locks 'lock' here
    // CHECK-NOTES: :[[@LINE+4]]:5: note: and waits for '_mutex' here: each holds the mutex the other waits for; lock them in one order everywhere
  }
  seastar::future<> compact(chunk *c) {
    auto theirs = co_await c->lock.get_units();
    co_await flush_one(c);
  }
  seastar::future<> flush_one(chunk *c) {
    auto mine = co_await _mutex.get_units();
    co_await write_out(c);
  }

private:
  ssx::mutex _mutex;
};

// Two semaphores of the object taken with seastar::get_units.
class gate_pair {
public:
  seastar::future<> in() {
    auto a = co_await seastar::get_units(_reads, 1);
    auto b = co_await seastar::get_units(_writes, 1);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: waits for mutex '_writes' while holding '_reads'; coroutine 'out' locks them in the opposite order [async-circular-wait]
    // CHECK-NOTES: :[[@LINE-3]]:14: note: '_reads' is locked here
    // CHECK-NOTES: :[[@LINE+4]]:21: note: coroutine 'in' and coroutine 'out' are member coroutines of 'gate_pair' that code outside it can call: they may run at once on one object
    // CHECK-NOTES: :[[@LINE+4]]:14: note: coroutine 'out' locks '_writes' here
    // CHECK-NOTES: :[[@LINE+4]]:14: note: and waits for '_reads' here: each holds the mutex the other waits for; lock them in one order everywhere
  }
  seastar::future<> out() {
    auto b = co_await seastar::get_units(_writes, 1);
    auto a = co_await seastar::get_units(_reads, 1);
  }

private:
  seastar::semaphore _reads{1}, _writes{1};
};

// ---- Silent.

// The fix: the object's mutex first in both.
class flusher_fixed {
public:
  seastar::future<> flush(chunk *c) {
    auto mine = co_await _mutex.get_units();
    auto theirs = co_await c->lock.get_units();
  }
  seastar::future<> compact(chunk *c) {
    auto mine = co_await _mutex.get_units();
    auto theirs = co_await c->lock.get_units();
    co_await write_out(c);
  }

private:
  ssx::mutex _mutex;
};

// Units not kept: the lock is let go at once.
class not_kept {
public:
  seastar::future<> flush(chunk *c) {
    auto mine = co_await _mutex.get_units();
    co_await c->lock.get_units();
  }
  seastar::future<> compact(chunk *c) {
    co_await c->lock.get_units();
    auto mine = co_await _mutex.get_units();
  }

private:
  ssx::mutex _mutex;
};

// A try that does not wait; a chunk that is a local of its own.
class no_wait {
public:
  seastar::future<> flush(chunk *c) {
    auto mine = co_await _mutex.get_units();
    auto theirs = co_await c->lock.get_units();
  }
  seastar::future<> compact() {
    chunk own;
    auto theirs = co_await own.lock.get_units();
    auto mine = co_await _mutex.get_units();
  }
  seastar::future<> peek(chunk *c) {
    auto theirs = co_await c->lock.get_units();
    if (_mutex.try_get_units())
      co_await write_out(c);
  }

private:
  ssx::mutex _mutex;
};
