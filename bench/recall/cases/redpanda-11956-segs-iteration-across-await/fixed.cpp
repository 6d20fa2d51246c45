// Fixed twin of redpanda-data/redpanda#11956: the segments with bogus
// timestamps are collected first (no suspension while iterating the deque)
// and adjusted afterwards, through owning pointers in a local vector.
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
  seastar::future<> retention_adjust_timestamps(long now) {
    std::vector<segment_ptr> bogus;
    for (auto &seg : _segs) {
      if (seg->max_timestamp() > now)
        bogus.push_back(seg);
    }
    for (auto &seg : bogus) {
      co_await seg->force_timestamp(now);
    }
  }

  void roll(segment_ptr s) { _segs.push_back(std::move(s)); }
  void remove_oldest() { _segs.pop_front(); }

private:
  std::deque<segment_ptr> _segs;
};
