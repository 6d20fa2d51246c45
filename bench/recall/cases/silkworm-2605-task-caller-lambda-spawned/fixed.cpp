// Fixed twin of erigontech/silkworm#2605: schedule() is itself a coroutine that
// awaits the spawned task, so the lambda (a local of its frame) outlives it.
#include <boost/asio.hpp>
#include <functional>
#include <utility>

namespace asio = boost::asio;
template <class T> using Task = asio::awaitable<T>;

namespace concurrency {
inline Task<void> spawn_task(asio::io_context &ioc, Task<void> task) {
  return asio::co_spawn(ioc, std::move(task), asio::use_awaitable);
}
} // namespace concurrency

struct RWTxn {};

class TriggersStage {
public:
  explicit TriggersStage(asio::io_context &ioc) : ioc_(ioc) {}

  Task<void> schedule(std::function<void(RWTxn &)> callback) {
    auto task_caller = [this, trigger = std::move(callback)]() -> Task<void> {
      RWTxn *tx = this->current_tx_;
      trigger(*tx);
      co_return;
    };
    co_return co_await concurrency::spawn_task(ioc_, task_caller());
  }

private:
  asio::io_context &ioc_;
  RWTxn *current_tx_ = nullptr;
};
