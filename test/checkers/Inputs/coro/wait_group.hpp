// Mock of a Go-style wait group in namespace coro (shuai132/coro's names,
// written for the tests): each task calls done(), the function that
// started them awaits wait() (or the group itself); add(n) raises the
// count. A latch built on it.
#pragma once
#include "libcoro.hpp"
namespace coro {
struct dummy_mutex {};
template <class MUTEX = dummy_mutex> struct wait_group_t {
  struct wait_awaitable {
    wait_group_t *wg_;
    bool await_ready() noexcept { return wg_->counter_ == 0; }
    void await_suspend(std::coroutine_handle<>) {}
    void await_resume() noexcept {}
  };
  wait_group_t() = default;
  wait_group_t(const wait_group_t &) = delete;
  void add(int delta) { counter_ += delta; }
  void done() { add(-1); }
  auto wait() { return wait_awaitable{this}; }
  auto operator co_await() { return wait_awaitable{this}; }
  int get_count() const { return counter_; }

private:
  int counter_ = 0;
};
using wait_group = wait_group_t<>;
template <class MUTEX = dummy_mutex> struct latch_t {
  explicit latch_t(int count) { wg_.add(count); }
  void count_down(int n = 1) { wg_.add(-n); }
  auto wait() { return wg_.wait(); }

private:
  wait_group_t<MUTEX> wg_;
};
} // namespace coro
