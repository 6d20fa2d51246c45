// Declarations for the stop-26 cases of the recall corpus, written for it (no
// project code copied). Self-contained: it does not include the earlier mocks
// (whose seastar::future has no value and whose gate has no close()), and no
// earlier case includes it.
//
// - seastar: an eager future<T> (the coroutine runs at once; awaitable, with
//   get() for a seastar::thread), promise<T>, a counting semaphore with
//   get_units, an rwlock (hold_read_lock / hold_write_lock, and for_read() /
//   for_write() with lock() / unlock() for threads), a gate whose close()
//   completes once every holder has left, a condition_variable (wait / when /
//   signal / broadcast / broken / has_waiters), sharded<T> (invoke_on_all runs
//   the function on every shard at once; invoke_on one shard; invoke_on_others
//   every other shard), seastar::async (runs a function in a seastar::thread)
//   and defer.
// - ssx (Redpanda): a mutex over a one-unit semaphore, semaphore_units.
// - kota (the event-loop library clice uses): a lazy task, a task_group whose
//   spawn starts a task at once, a child process whose wait() completes when
//   the process exits.
#pragma once
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace seastar {
template <class T = void> class future {
public:
  future() = default;
  future(future &&) noexcept = default;
  future &operator=(future &&) noexcept = default;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
  // In a seastar::thread: blocks the thread (not the reactor) until ready.
  T get();
  bool available() const noexcept;
};
template <class T = void> future<T> make_ready_future();

namespace detail {
template <class T> struct promise_base {
  future<T> get_return_object() { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; } // eager
  std::suspend_never final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};
template <class T> struct coroutine_promise : promise_base<T> {
  void return_value(T) {}
};
template <> struct coroutine_promise<void> : promise_base<void> {
  void return_void() {}
};
} // namespace detail

// The promise whose future a waiter awaits; set by whoever completes it.
template <class T = void> class promise {
public:
  future<T> get_future();
  void set_value();
  void set_exception(std::exception_ptr);
};

class semaphore;
class semaphore_units {
public:
  semaphore_units() = default;
  semaphore_units(semaphore_units &&) noexcept = default;
  semaphore_units &operator=(semaphore_units &&) noexcept = default;
  ~semaphore_units(); // returns the units
  void return_all();  // returns them now

private:
  semaphore *sem_ = nullptr;
  std::size_t n_ = 0;
};
class semaphore {
public:
  explicit semaphore(std::size_t count);
  void signal(std::size_t n = 1);
  void broken();
};
// Waits until n units are free, then takes them.
future<semaphore_units> get_units(semaphore &sem, std::size_t n);

// A reader-writer lock: readers share it, a writer excludes everyone. A
// waiting writer is served before readers that come after it (no reader
// jumps the queue), so a reader that waits again while holding a read lock
// waits behind that writer.
class rwlock {
public:
  class holder {
  public:
    holder() = default;
    holder(holder &&) noexcept = default;
    holder &operator=(holder &&) noexcept = default;
    ~holder(); // unlocks
  };
  future<holder> hold_read_lock();
  future<holder> hold_write_lock();
  struct side {
    future<> lock();
    void unlock();
  };
  side for_read();
  side for_write();
  bool locked() const;
};

class gate {
public:
  class holder {
  public:
    explicit holder(gate &g);
    holder(holder &&) noexcept;
    ~holder(); // leaves the gate
  };
  void enter();
  void leave();
  // Completes once every holder has left (at once when nobody entered).
  future<> close();
  bool is_closed() const;
  std::size_t get_count() const;
};

class condition_variable {
public:
  future<> wait();
  future<> when(); // the same as wait() for these cases
  void signal();
  void broadcast();
  void broken(std::exception_ptr);
  bool has_waiters() const;
};

template <class Func> struct deferred_action {
  Func func;
  ~deferred_action() { func(); }
};
template <class Func> deferred_action<Func> defer(Func func) {
  return {std::move(func)};
}

// Runs func in a seastar::thread, where future::get() waits without blocking
// the reactor.
future<> async(std::function<void()> func);

template <class T> class sharded {
public:
  T &local();
  // Starts func on every shard at once (one submitted task per shard) and
  // completes when every shard's future has.
  template <class Func> future<> invoke_on_all(Func func) {
    for (unsigned shard = 0; shard < count(); ++shard)
      (void)func(on(shard));
    return {};
  }
  // Runs func on one shard, and keeps it until the returned future resolves
  // (Seastar moves it into the temporary it hands smp::submit_to, which
  // keeps that until then).
  template <class Func> future<> invoke_on(unsigned shard, Func func) {
    Func *kept = new Func(static_cast<Func &&>(func)); // freed once resolved
    return (*kept)(on(shard));
  }
  // Starts func on every shard but this one at once.
  template <class Func> future<> invoke_on_others(Func func) {
    for (unsigned shard = 1; shard < count(); ++shard)
      (void)func(on(shard));
    return {};
  }

private:
  unsigned count() const;
  T &on(unsigned shard);
};
} // namespace seastar

template <class T, class... Args>
struct std::coroutine_traits<seastar::future<T>, Args...> {
  using promise_type = seastar::detail::coroutine_promise<T>;
};

namespace ssx {
// Redpanda's mutex: one unit of a semaphore; get_units waits for it.
class mutex {
public:
  seastar::future<seastar::semaphore_units> get_units() {
    return seastar::get_units(sem_, 1);
  }
  void broken() { sem_.broken(); }

private:
  seastar::semaphore sem_{1};
};
using semaphore_units = seastar::semaphore_units;
} // namespace ssx

namespace kota {
// A lazy task: its body runs when it is awaited or spawned.
template <class T = void> class task {
public:
  struct promise_type;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};
namespace detail {
template <class T> struct task_promise_base {
  task<T> get_return_object() { return {}; }
  std::suspend_always initial_suspend() noexcept { return {}; } // lazy
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() {}
};
} // namespace detail
template <class T> struct task<T>::promise_type : detail::task_promise_base<T> {
  void return_value(T) {}
};
template <> struct task<void>::promise_type : detail::task_promise_base<void> {
  void return_void() {}
};
// Owns spawned tasks: spawn starts the task at once (it runs until its first
// suspension) and join waits for all of them.
class task_group {
public:
  void spawn(task<> t);
  task<> join();
};
struct exit_status {
  int exit_code = 0;
  int term_signal = 0;
};
struct wait_result {
  bool has_value() const;
  exit_status &value();
};
// A child process; wait() completes when it exits. The awaiting coroutine is
// resumed by the event loop, which reaches the process through this object.
class process {
public:
  process(process &&) noexcept;
  process &operator=(process &&) noexcept;
  task<wait_result> wait();
  void kill(int signal);
};
} // namespace kota
