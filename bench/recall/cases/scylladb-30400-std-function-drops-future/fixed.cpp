// Fixed twin of scylladb/scylladb#30400: back to the earlier approach, the
// split mutations are collected into a vector and frozen one by one in the
// coroutine itself, with each wait awaited.
#include "seastar_mock.hpp"
#include <vector>

struct mutation {
  int key;
};
struct frozen_mutation {
  int key;
};
std::vector<mutation> split_mutation(const mutation &m);
seastar::future<> apply(std::vector<frozen_mutation> muts);

seastar::future<> merge_topology_snapshot(mutation m) {
  std::vector<frozen_mutation> frozen_muts_to_apply;
  for (auto &split : split_mutation(m)) {
    co_await seastar::sleep_ms(0);
    frozen_muts_to_apply.push_back({split.key});
  }
  co_await apply(std::move(frozen_muts_to_apply));
}
