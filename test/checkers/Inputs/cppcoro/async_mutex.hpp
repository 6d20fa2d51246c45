#pragma once
#include <coroutine>
namespace cppcoro {
class async_mutex;
class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &m) : m(&m) {}
  async_mutex_lock(async_mutex_lock &&o) : m(o.m) { o.m = nullptr; }
  ~async_mutex_lock();
private:
  async_mutex *m;
};
class async_mutex {
public:
  struct lock_operation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() const noexcept {}
  };
  struct scoped_lock_operation {
    async_mutex *m;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    async_mutex_lock await_resume() const noexcept { return async_mutex_lock(*m); }
  };
  lock_operation lock_async() noexcept { return {}; }
  scoped_lock_operation scoped_lock_async() noexcept { return {this}; }
  void unlock() {}
};
inline async_mutex_lock::~async_mutex_lock() {
  if (m)
    m->unlock();
}
} // namespace cppcoro
