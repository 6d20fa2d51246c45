// Fixed twin of David-Haim/concurrencpp#61: the maintainer's fix, co_await the
// when_all result instead of blocking on it.
#include "concurrencpp_mock.hpp"
#include <memory>
#include <vector>

using concurrencpp::result;
using concurrencpp::thread_pool_executor;

result<void> consume_one(std::shared_ptr<thread_pool_executor> tp, int item);

result<void> consume_all(std::shared_ptr<thread_pool_executor> tp,
                         std::vector<int> items) {
  std::vector<result<void>> results;
  for (int item : items)
    results.push_back(consume_one(tp, item));
  auto all_consumed =
      co_await concurrencpp::when_all(tp, results.begin(), results.end());
  co_return;
}
