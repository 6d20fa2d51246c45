// Fixed twin of redpanda-data/redpanda#10319: upload() no longer takes the
// archiver's mutex; its callers must hold it already, so the merger takes the
// mutex before the segment's lock, in the upload loop's order.
#include "seastar_sync_mock.hpp"

struct segment {
  ssx::mutex lock;
};
using segment_ptr = seastar::lw_shared_ptr<segment>;
seastar::future<> upload_segment(segment_ptr seg);

class ntp_archiver {
public:
  seastar::future<> upload_next_candidate(segment_ptr seg) {
    auto archiver_units = co_await _mutex.get_units();
    auto segment_units = co_await seg->lock.get_units();
    co_await upload_segment(seg);
  }

  seastar::future<> merge_adjacent(segment_ptr seg) {
    auto archiver_units = co_await _mutex.get_units();
    auto segment_units = co_await seg->lock.get_units();
    co_await upload(seg, archiver_units);
  }

  // The caller holds the archiver's mutex (held).
  seastar::future<> upload(segment_ptr seg,
                           const seastar::semaphore_units &held) {
    (void)held;
    co_await upload_segment(seg);
  }

private:
  ssx::mutex _mutex;
};
