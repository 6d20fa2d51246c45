#pragma once
#include <coroutine>
// cppcoro's io_service: coroutines scheduled on it resume only in a thread
// that processes its events.
namespace cppcoro {
class io_service {
public:
  struct schedule_operation {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() const noexcept {}
  };
  schedule_operation schedule() noexcept { return {}; }
  schedule_operation schedule_after(long) noexcept { return {}; }
  unsigned long process_events() { return 0; }
  unsigned long process_pending_events() { return 0; }
  unsigned long process_one_pending_event() { return 0; }
  void stop() noexcept {}
};
} // namespace cppcoro
