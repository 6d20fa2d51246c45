// Reduction of arangodb/arangodb#21099: a coroutine locks a std::mutex and
// suspends while holding it; it may resume on another thread and unlock the
// mutex there ("We cannot use a std::mutex in a function that is a
// coroutine ... We can not hold it across suspension points").
#include "recall_task.hpp"
#include <mutex>
#include <vector>

rc::task<int> fetch_next_batch();

class Replicator {
public:
  // @recall-begin
  rc::task<void> pull() {
    std::unique_lock guard(mutex_);
    int batch = co_await fetch_next_batch(); // @bug
    applied_.push_back(batch);
  }
  // @recall-end

private:
  std::mutex mutex_;
  std::vector<int> applied_;
};
