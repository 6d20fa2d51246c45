// Reduction of scylladb/scylladb#17186 (fixed in #17585): the topology
// coordinator holds a group 0 guard, which holds the read-apply mutex, while
// it changes the raft configuration. The configuration change returns once
// the config entry is committed, and commit notifications come from the apply
// fiber, which needs the read-apply mutex to apply anything: the coordinator
// waits for a fiber that waits for the mutex the coordinator holds.
#include "stop26_mocks.hpp"
#include <utility>

struct server_id {
  int id;
};
// Holds units of the read-apply mutex for as long as it lives.
struct group0_guard {
  seastar::semaphore_units read_apply_units;
};
struct node_to_work_on {
  server_id id;
  group0_guard guard;
};

// @recall-begin
class raft_group0 {
public:
  seastar::future<group0_guard> start_operation() {
    co_return group0_guard{co_await seastar::get_units(_read_apply_mutex, 1)};
  }
  // The apply fiber: applies committed entries under the read-apply mutex and
  // then notifies commit waiters.
  seastar::future<> apply_fiber_step() {
    auto units = co_await seastar::get_units(_read_apply_mutex, 1);
    apply_committed_entries();
    _committed = true;
    _commit_notified.broadcast();
  }
  // Appends a configuration entry and returns once it is committed.
  seastar::future<> remove_from_raft_config(server_id id) {
    append_config_entry(id);
    while (!_committed)
      co_await _commit_notified.wait();
  }

private:
  void apply_committed_entries();
  void append_config_entry(server_id id);
  seastar::semaphore _read_apply_mutex{1};
  seastar::condition_variable _commit_notified;
  bool _committed = false;
};

class topology_coordinator {
public:
  explicit topology_coordinator(raft_group0 &g) : _group0(g) {}

  seastar::future<> remove_from_group0(server_id id) {
    co_await _group0.remove_from_raft_config(id);
  }

  seastar::future<node_to_work_on> handle_removing_node(node_to_work_on node) {
    // node.guard (the read-apply mutex) is still held here
    co_await remove_from_group0(node.id); // @bug
    co_return std::move(node);
  }

private:
  raft_group0 &_group0;
};
// @recall-end
