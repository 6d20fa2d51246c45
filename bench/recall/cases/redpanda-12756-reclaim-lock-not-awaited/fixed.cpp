// Fixed twin of redpanda-data/redpanda#12756: the reclaim lock is awaited.
#include "seastar_sync_mock.hpp"

struct home_allowance {
  ssx::mutex reclaim_lock;
  bool reclaim = false;
  unsigned available = 0;
  unsigned max = 0;
};
seastar::future<> collect_borrowed_from_other_shards(unsigned &released);

seastar::future<> reclaim_to(seastar::lw_shared_ptr<home_allowance> allowance) {
  auto locked = co_await allowance->reclaim_lock.get_units();
  if (allowance->reclaim)
    co_return;
  allowance->reclaim = true;
  unsigned released = 0;
  co_await collect_borrowed_from_other_shards(released);
  allowance->available += released;
  if (allowance->available > allowance->max)
    allowance->available = allowance->max;
}
