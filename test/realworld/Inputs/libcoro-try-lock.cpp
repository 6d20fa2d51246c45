// libcoro's mutex polled with try_lock, compiled against its real headers:
// without a yield the loop spins (the holder cannot run on this executor to
// release it); with the thread pool's yield inside it, it does not.
#include <coro/coro.hpp>
#include <memory>

coro::task<void> spins(coro::mutex &M) {
  while (!M.try_lock()) {
  }
  M.unlock();
  co_return;
}

coro::task<void> yields(std::shared_ptr<coro::thread_pool> Pool,
                        coro::mutex &M) {
  while (!M.try_lock()) {
    co_await Pool->yield();
  }
  M.unlock();
}
