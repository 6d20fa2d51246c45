// Fixed twin of redpanda-data/redpanda#10567: max_concurrent_for_each bounds
// how many partitions are reconciled at once (the PR).
#include "seastar_mock.hpp"
#include <vector>

struct ntp {
  int partition;
};
seastar::future<> reconcile_ntp(const ntp &);

seastar::future<> reconcile_all(std::vector<ntp> &ntps) {
  co_await seastar::max_concurrent_for_each(
      ntps, 256, [](const ntp &n) { return reconcile_ntp(n); });
}
