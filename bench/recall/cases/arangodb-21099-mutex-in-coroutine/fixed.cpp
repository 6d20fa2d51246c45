// Fixed twin of arangodb/arangodb#21099: the mutex is not held across the
// suspension; it is taken after the await for the update only.
#include "recall_task.hpp"
#include <mutex>
#include <vector>

rc::task<int> fetch_next_batch();

class Replicator {
public:
  rc::task<void> pull() {
    int batch = co_await fetch_next_batch();
    std::unique_lock guard(mutex_);
    applied_.push_back(batch);
  }

private:
  std::mutex mutex_;
  std::vector<int> applied_;
};
