// Reduction of erigontech/silkworm#2605 (issue #2604): a stage's schedule()
// builds a coroutine lambda in a local, calls it to get a lazy asio awaitable
// and returns the awaitable of spawning it on an io_context; schedule()
// returns and destroys the lambda before the spawned coroutine runs and reads
// the captures (`this`, the callback).
#include <boost/asio.hpp>
#include <functional>
#include <utility>

namespace asio = boost::asio;
template <class T> using Task = asio::awaitable<T>;

namespace concurrency {
// Runs task on ioc and completes when it has (written here for the case).
inline Task<void> spawn_task(asio::io_context &ioc, Task<void> task) {
  return asio::co_spawn(ioc, std::move(task), asio::use_awaitable);
}
} // namespace concurrency

struct RWTxn {};

class TriggersStage {
public:
  explicit TriggersStage(asio::io_context &ioc) : ioc_(ioc) {}

  // @recall-begin
  Task<void> schedule(std::function<void(RWTxn &)> callback) {
    auto task_caller = [this, c = std::move(callback)]() -> Task<void> {
      RWTxn *tx = this->current_tx_; // both captures are read when it runs
      c(*tx);
      co_return;
    };
    return concurrency::spawn_task(ioc_, task_caller()); // @bug
  }
  // @recall-end

private:
  asio::io_context &ioc_;
  RWTxn *current_tx_ = nullptr;
};
