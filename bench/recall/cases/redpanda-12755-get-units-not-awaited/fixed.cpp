// Fixed twin of redpanda-data/redpanda#12755: the PR awaits the units, so
// the mutex is held across the window close and a failure of get_units is
// thrown into the coroutine.
#include "seastar_sync_mock.hpp"
#include <vector>

seastar::future<> persist_window(std::vector<long> buckets);
void log_error(const std::exception &);

class usage_aggregator {
public:
  seastar::future<> close_current_window() {
    auto units = co_await _m.get_units();
    try {
      co_await persist_window(_buckets);
      _buckets.clear();
    } catch (const std::exception &e) {
      log_error(e);
    }
  }

private:
  ssx::mutex _m;
  std::vector<long> _buckets;
};
