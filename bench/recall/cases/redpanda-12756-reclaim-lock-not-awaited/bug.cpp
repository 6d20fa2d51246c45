// Reduction of redpanda-data/redpanda#12756 (found by grep after #12755): the
// connection-quota code's reclaim coroutine takes the allowance's reclaim
// lock with get_units() but does not await it, so two reclaims can run at
// once; the reviewer suspected it behind a shutdown hang (a lock inversion
// with the quota units).
#include "seastar_sync_mock.hpp"

struct home_allowance {
  ssx::mutex reclaim_lock;
  bool reclaim = false;
  unsigned available = 0;
  unsigned max = 0;
};
seastar::future<> collect_borrowed_from_other_shards(unsigned &released);

// @recall-begin
seastar::future<> reclaim_to(seastar::lw_shared_ptr<home_allowance> allowance) {
  auto locked = allowance->reclaim_lock.get_units(); // @bug
  if (allowance->reclaim)
    co_return;
  allowance->reclaim = true;
  unsigned released = 0;
  co_await collect_borrowed_from_other_shards(released);
  allowance->available += released;
  if (allowance->available > allowance->max)
    allowance->available = allowance->max;
}
// @recall-end
