// concurrencpp's when_any over a range, compiled against its real headers:
// the outcome taken apart by a structured binding, and element 0 credited
// with winning; the winner read by its index, and a check of the index.
#include "concurrencpp/concurrencpp.h"
#include <memory>
#include <vector>

using concurrencpp::result;
using concurrencpp::thread_pool_executor;

result<int> credits_first(std::shared_ptr<thread_pool_executor> Ex,
                          std::vector<result<int>> Tasks) {
  auto [Index, Results] =
      co_await concurrencpp::when_any(Ex, Tasks.begin(), Tasks.end());
  co_return co_await Results[0];
}

result<int> reads_winner(std::shared_ptr<thread_pool_executor> Ex,
                         std::vector<result<int>> Tasks) {
  auto [Index, Results] =
      co_await concurrencpp::when_any(Ex, Tasks.begin(), Tasks.end());
  co_return co_await Results[Index];
}

result<int> checks_index(std::shared_ptr<thread_pool_executor> Ex,
                         std::vector<result<int>> Tasks) {
  auto [Index, Results] =
      co_await concurrencpp::when_any(Ex, Tasks.begin(), Tasks.end());
  if (Index != 0)
    co_return -1;
  co_return co_await Results[0];
}
