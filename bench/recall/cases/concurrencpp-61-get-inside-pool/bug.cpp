// Reduction of David-Haim/concurrencpp#61: a task running on the thread pool
// submits more tasks to the same pool and then blocks on when_all(...).get();
// under load every pool thread blocks waiting for work queued behind it.
#include "concurrencpp_mock.hpp"
#include <memory>
#include <vector>

using concurrencpp::result;
using concurrencpp::thread_pool_executor;

result<void> consume_one(std::shared_ptr<thread_pool_executor> tp, int item);

// @recall-begin
result<void> consume_all(std::shared_ptr<thread_pool_executor> tp,
                         std::vector<int> items) {
  std::vector<result<void>> results;
  for (int item : items)
    results.push_back(consume_one(tp, item));
  auto all_consumed =
      concurrencpp::when_all(tp, results.begin(), results.end());
  all_consumed.get(); // @bug
  co_return;
}
// @recall-end
