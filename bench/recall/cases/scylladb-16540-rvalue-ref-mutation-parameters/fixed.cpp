// Fixed twin of scylladb/scylladb#16540 (#16541): the coroutine takes the
// mutation and the endpoints by value, so they are moved into its frame.
#include "stop24_mocks.hpp"
#include <string>
#include <utility>
#include <vector>

struct frozen_mutation_and_schema {
  std::string mutation;
  std::string schema_name;
};
using inet_address = std::string;
using inet_address_vector_topology_change = std::vector<inet_address>;

void trace_view_update(const frozen_mutation_and_schema &m);
seastar::future<> send_to_endpoint(const frozen_mutation_and_schema &m,
                                   const inet_address &ep);
inet_address paired_endpoint(const frozen_mutation_and_schema &m);
inet_address_vector_topology_change
pending_endpoints(const frozen_mutation_and_schema &m);

static seastar::future<>
apply_to_remote_endpoints(inet_address target,
                          inet_address_vector_topology_change pending,
                          frozen_mutation_and_schema mut) {
  co_await seastar::coroutine::maybe_yield();
  trace_view_update(mut);
  co_await send_to_endpoint(mut, target);
  for (const auto &ep : pending)
    co_await send_to_endpoint(mut, ep);
}

seastar::future<>
mutate_MV(std::vector<frozen_mutation_and_schema> view_updates) {
  co_await seastar::max_concurrent_for_each(
      view_updates, 128,
      [&](frozen_mutation_and_schema mut) -> seastar::future<> {
        auto target = paired_endpoint(mut);
        auto pending = pending_endpoints(mut);
        return apply_to_remote_endpoints(std::move(target), std::move(pending),
                                         std::move(mut));
      });
}
