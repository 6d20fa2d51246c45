// Reduction of redpanda-data/redpanda#12755: a coroutine of the usage-based
// billing code calls mutex::get_units() without co_await. The future of the
// units is stored in a local, so nodiscard is silenced: the mutex is not held
// while the window is closed, and a failure of get_units (a broken mutex)
// escapes the try/catch as an unhandled exceptional future.
#include "seastar_sync_mock.hpp"
#include <vector>

seastar::future<> persist_window(std::vector<long> buckets);
void log_error(const std::exception &);

class usage_aggregator {
public:
  // @recall-begin
  seastar::future<> close_current_window() {
    auto units = _m.get_units(); // @bug
    try {
      co_await persist_window(_buckets);
      _buckets.clear();
    } catch (const std::exception &e) {
      log_error(e);
    }
  }
  // @recall-end

private:
  ssx::mutex _m;
  std::vector<long> _buckets;
};
