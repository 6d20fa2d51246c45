// Mock cppcoro::static_thread_pool: awaiting schedule() resumes the
// coroutine on one of the pool's threads (as many as the constructor says).
#pragma once
#include <coroutine>
namespace cppcoro {
class static_thread_pool {
public:
  struct schedule_operation {
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  static_thread_pool();
  explicit static_thread_pool(unsigned threadCount);
  [[nodiscard]] schedule_operation schedule() noexcept { return {}; }
};
} // namespace cppcoro
