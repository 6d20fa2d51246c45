// Mock cppcoro::async_scope: spawn() starts an awaitable in the scope;
// awaiting join() waits until every task spawned in it has ended.
#pragma once
#include <coroutine>
namespace cppcoro {
class async_scope {
public:
  struct join_awaiter {
    bool await_ready() noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}
  };
  template <class Awaitable> void spawn(Awaitable &&awaitable);
  [[nodiscard]] join_awaiter join() noexcept { return {}; }
};
} // namespace cppcoro
