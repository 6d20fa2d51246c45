// Mocks for the stop-24 batch of the recall corpus (bench/recall), written for
// it; not taken from any project. The earlier mocks are included, not changed,
// and no case of the earlier batches includes this header.
//
// - arangodb::async<T>: ArangoDB's eager coroutine type (it runs until its
//   first suspension when called), awaitable, with get() for tests.
// - arangodb::manual_resume: an awaitable that suspends until a test resumes
//   the waiting coroutine by hand.
// - seastar::sharded<T> / peering_sharded_service<T>: invoke_on_all calls the
//   function on every shard through a submitted task that holds its own copy
//   of the function; the task is destroyed once the function has returned its
//   future (it does not wait for that future inside the task).
// - folly::result<T> and folly::or_unwind: or_unwind keeps a reference to the
//   result it is given and its co_await yields a reference into that result.
#pragma once
#include "recall_task.hpp"
#include "seastar_sync_mock.hpp"
#include <coroutine>
#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace arangodb {
template <class T> class async {
public:
  struct promise_type {
    std::optional<T> value;
    std::coroutine_handle<> waiter;
    async get_return_object() {
      return async(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_never initial_suspend() noexcept { return {}; } // eager
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T v) { value = std::move(v); }
    void unhandled_exception() { std::terminate(); }
  };
  async(async &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~async() {
    if (h_)
      h_.destroy();
  }
  bool await_ready() const noexcept { return h_.done(); }
  void await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().waiter = c;
  }
  T await_resume() { return std::move(*h_.promise().value); }
  T get() { return std::move(*h_.promise().value); } // tests: after completion

private:
  explicit async(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

// Suspends the awaiting coroutine until resume() is called.
class manual_resume {
public:
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { waiting_ = h; }
  void await_resume() const noexcept {}
  void resume() { waiting_.resume(); }

private:
  std::coroutine_handle<> waiting_;
};
} // namespace arangodb

namespace seastar {
template <class T> class sharded {
public:
  T &local();
  // Calls func on every shard. The real one submits [func, inst] { return
  // func(*inst); } to each shard; that task (with its copy of func) is
  // destroyed as soon as func has returned its future, and invoke_on_all's
  // future completes when all the returned futures have.
  template <class Func> future<> invoke_on_all(Func func) {
    auto submitted = [func, this]() { return func(local()); };
    return submitted();
  }
  // The same on every shard but this one; func returns nothing.
  template <class Func> future<> invoke_on_others(Func func) {
    func(local());
    return {};
  }
};
template <class T> class peering_sharded_service {
public:
  sharded<T> &container();
};
} // namespace seastar

namespace folly {
template <class T> class result {
public:
  result(T v) : value_(std::move(v)) {}
  T &value() { return value_; }

private:
  T value_;
};
// Awaitable: completes at once with a reference into the result it refers to
// (or unwinds the awaiting coroutine with the result's error).
template <class T> class or_unwind {
public:
  explicit or_unwind(result<T> &&r) : r_(r) {}
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T &await_resume() { return r_.value(); }

private:
  result<T> &r_;
};
template <class T> or_unwind(result<T> &&) -> or_unwind<T>;
} // namespace folly
