// More Seastar (and Redpanda ssx) declarations for the stop-22 cases of the
// recall corpus, written for it: a counting semaphore whose get_units returns
// an eager future of the units, Redpanda's mutex over it, lw_shared_ptr,
// seastar::async (a seastar::thread), sleep_abortable. The earlier mock
// (seastar_mock.hpp) is included and not changed.
#pragma once
#include "seastar_mock.hpp"
#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>

namespace seastar {
class semaphore;
class semaphore_units {
public:
  semaphore_units() = default;
  semaphore_units(semaphore_units &&) noexcept = default;
  semaphore_units &operator=(semaphore_units &&) noexcept = default;
  ~semaphore_units(); // returns the units

private:
  semaphore *sem_ = nullptr;
  std::size_t n_ = 0;
};
// The future of units: eager like every seastar future, and awaitable with the
// units as its value.
template <> class future<semaphore_units> {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  semaphore_units await_resume();
  semaphore_units
  get(); // in a seastar::thread: blocks the thread, not the reactor
};
// A future with a value that can also be waited for with get(): in a
// seastar::thread get() blocks the thread; elsewhere it asserts unless the
// future is ready (it must never be used to wait in a coroutine).
template <> class future<long> {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  long await_resume();
  long get();
};
class semaphore {
public:
  explicit semaphore(std::size_t count);
  std::size_t available_units() const;
};
// Waits for units of sem, then returns them in an RAII object.
future<semaphore_units> get_units(semaphore &sem, std::size_t units);

template <class T> using lw_shared_ptr = std::shared_ptr<T>;
template <class T, class... A> lw_shared_ptr<T> make_lw_shared(A &&...a) {
  return std::make_shared<T>(std::forward<A>(a)...);
}

class abort_source {
public:
  void request_abort();
};
class sleep_aborted : public std::exception {};
// In a seastar::thread, .get() blocks the thread; throws sleep_aborted when
// the abort source fires.
struct sleep_future {
  void get();
};
sleep_future sleep_abortable(int seconds, abort_source &as);
// Runs func in a seastar::thread; the returned future carries what func
// throws. (A template in Seastar; declared over std::function here so that it
// needs no body.)
future<> async(std::function<void()> func);
namespace coroutine {
// Awaitable: starts func on every element of the range at once (in its
// constructor) and completes when all have; no bound on how many run.
template <class Func> class parallel_for_each {
public:
  template <class Range> parallel_for_each(Range &&range, Func &&func) {
    for (auto &&e : range)
      (void)func(e); // the real one keeps the unavailable futures
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};
template <class Range, class Func>
parallel_for_each(Range &&, Func &&) -> parallel_for_each<Func>;
} // namespace coroutine
} // namespace seastar

// A coroutine returning seastar::future<T> with a value (seastar_mock.hpp's
// promise only returns void): an eager promise that takes the value.
template <class T, class... Args>
  requires(!std::is_void_v<T>)
struct std::coroutine_traits<seastar::future<T>, Args...> {
  struct promise_type {
    seastar::future<T> get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
};

namespace ssx {
// Redpanda's mutex: a semaphore of one unit.
class mutex {
public:
  seastar::future<seastar::semaphore_units> get_units() {
    return seastar::get_units(sem_, 1);
  }

private:
  seastar::semaphore sem_{1};
};
} // namespace ssx
