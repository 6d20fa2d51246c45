// Mock cppcoro events and latch: awaited until other code sets them.
#pragma once
#include <coroutine>
namespace cppcoro {
struct event_operation {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() const noexcept {}
};
class single_consumer_event {
public:
  single_consumer_event(bool initiallySet = false) noexcept;
  void set();
  event_operation operator co_await() noexcept { return {}; }
};
class async_manual_reset_event {
public:
  async_manual_reset_event(bool initiallySet = false) noexcept;
  void set() noexcept;
  void reset() noexcept;
  event_operation operator co_await() const noexcept { return {}; }
};
class async_latch {
public:
  async_latch(long initialCount) noexcept;
  void count_down(long n = 1) noexcept;
  event_operation operator co_await() const noexcept { return {}; }
};
} // namespace cppcoro
