// Reduction of redpanda-data/redpanda#10567: the controller backend applies
// an operation to every partition with seastar::parallel_for_each, starting
// one future per partition at once (and a vector of all their futures, the
// large allocation the issue saw).
#include "seastar_mock.hpp"
#include <vector>

struct ntp {
  int partition;
};
seastar::future<> reconcile_ntp(const ntp &);

// @recall-begin
seastar::future<> reconcile_all(std::vector<ntp> &ntps) {
  co_await seastar::parallel_for_each(
      ntps, [](const ntp &n) { return reconcile_ntp(n); }); // @bug
}
// @recall-end
