// Reduction of scylladb/scylladb#30400 (backport #30415): a coroutine lambda
// returning future<> is passed to a helper taking
// std::function<void(mutation)>; the future is silently dropped, and the
// coroutine's code after its co_await runs after the caller's local vector
// (captured by reference) is gone.
#include "seastar_mock.hpp"
#include <functional>
#include <vector>

struct mutation {
  int key;
};
struct frozen_mutation {
  int key;
};
void for_each_split_mutation(const mutation &m,
                             std::function<void(mutation)> f);
seastar::future<> apply(std::vector<frozen_mutation> muts);

// @recall-begin
seastar::future<> merge_topology_snapshot(mutation m) {
  std::vector<frozen_mutation> frozen_muts_to_apply;
  for_each_split_mutation(m, [&](mutation split) -> seastar::future<> { // @bug
    co_await seastar::sleep_ms(0);               // yields
    frozen_muts_to_apply.push_back({split.key}); // the vector may be gone
  });
  co_await apply(std::move(frozen_muts_to_apply));
}
// @recall-end
