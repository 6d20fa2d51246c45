// Reduction of redpanda-data/redpanda#11956: a coroutine of the log iterates
// the log's segment set (a deque of segments) with a range-for and awaits
// inside the loop for segments whose timestamps are in the future. Nothing
// keeps the deque's iterators valid across the scheduling point: a segment
// roll or a retention pass can push to or pop from the deque meanwhile.
#include "seastar_sync_mock.hpp"
#include <deque>
#include <vector>

struct segment {
  long max_timestamp() const;
  seastar::future<> force_timestamp(long ts);
};
using segment_ptr = seastar::lw_shared_ptr<segment>;

class disk_log {
public:
  // @recall-begin
  seastar::future<> retention_adjust_timestamps(long now) {
    for (auto &seg : _segs) {
      if (seg->max_timestamp() > now) {
        co_await seg->force_timestamp(now); // @bug
      }
    }
  }
  // @recall-end

  void roll(segment_ptr s) { _segs.push_back(std::move(s)); }
  void remove_oldest() { _segs.pop_front(); }

private:
  std::deque<segment_ptr> _segs;
};
