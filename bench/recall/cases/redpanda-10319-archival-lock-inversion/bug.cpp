// Reduction of redpanda-data/redpanda#10319: the archival upload loop takes
// the archiver's mutex, then the segment's lock; the segment-merging
// housekeeping job takes the segment's lock, then calls upload(), which takes
// the archiver's mutex. Both working on the same segment can each hold one
// lock and wait forever for the other (seen as a shutdown hang). The
// segment's lock is a read-write lock in Redpanda; it is a mutex here.
#include "seastar_sync_mock.hpp"

struct segment {
  ssx::mutex lock;
};
using segment_ptr = seastar::lw_shared_ptr<segment>;
seastar::future<> upload_segment(segment_ptr seg);

class ntp_archiver {
public:
  // @recall-begin
  // The upload loop: archiver mutex, then segment lock.
  seastar::future<> upload_next_candidate(segment_ptr seg) {
    auto archiver_units = co_await _mutex.get_units();
    auto segment_units = co_await seg->lock.get_units();
    co_await upload_segment(seg);
  }

  // The segment merger: segment lock, then (in upload) archiver mutex.
  seastar::future<> merge_adjacent(segment_ptr seg) {
    auto segment_units = co_await seg->lock.get_units();
    co_await upload(seg);
  }

  seastar::future<> upload(segment_ptr seg) {
    auto archiver_units = co_await _mutex.get_units(); // @bug
    co_await upload_segment(seg);
  }
  // @recall-end

private:
  ssx::mutex _mutex;
};
