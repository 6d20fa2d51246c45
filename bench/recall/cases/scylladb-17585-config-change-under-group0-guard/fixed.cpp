// Fixed twin of scylladb/scylladb#17186 (#17585): the guard is released
// around the configuration change and taken again afterwards.
#include "stop26_mocks.hpp"
#include <utility>

struct server_id {
  int id;
};
struct group0_guard {
  seastar::semaphore_units read_apply_units;
};
struct node_to_work_on {
  server_id id;
  group0_guard guard;
};
void release_guard(group0_guard guard);

class raft_group0 {
public:
  seastar::future<group0_guard> start_operation() {
    co_return group0_guard{co_await seastar::get_units(_read_apply_mutex, 1)};
  }
  seastar::future<> apply_fiber_step() {
    auto units = co_await seastar::get_units(_read_apply_mutex, 1);
    apply_committed_entries();
    _committed = true;
    _commit_notified.broadcast();
  }
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

  seastar::future<group0_guard> remove_from_group0(group0_guard guard,
                                                   server_id id) {
    release_guard(std::move(guard));
    co_await _group0.remove_from_raft_config(id);
    co_return co_await _group0.start_operation();
  }

  seastar::future<node_to_work_on> handle_removing_node(node_to_work_on node) {
    node.guard = co_await remove_from_group0(std::move(node.guard), node.id);
    co_return std::move(node);
  }

private:
  raft_group0 &_group0;
};
