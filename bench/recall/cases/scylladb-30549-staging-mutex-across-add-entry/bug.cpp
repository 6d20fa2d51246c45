// Reduction of scylladb/scylladb#30549: the view building worker takes its
// staging-tasks mutex to build a group 0 command and keeps holding it across
// add_entry(), which returns only once the command has been applied; group 0
// applies commands under the read-apply mutex. The view building state
// observer takes the read-apply mutex first and then waits for the
// staging-tasks mutex (clear_started_staging_tasks). Opposite orders: each
// holds one mutex and waits for the other.
#include "stop26_mocks.hpp"
#include <utility>
#include <vector>

struct command {
  std::vector<int> tasks;
};

// Group 0: add_entry() completes once the command is applied; applying takes
// the read-apply mutex. (In Scylla the apply fiber applies it and add_entry
// waits for that; here add_entry applies it itself.)
// @recall-begin
class group0 {
public:
  seastar::semaphore read_apply_mutex{1};

  seastar::future<> apply(command cmd) {
    auto units = co_await seastar::get_units(read_apply_mutex, 1);
    apply_locally(std::move(cmd));
  }
  seastar::future<> add_entry(command cmd) { co_await apply(std::move(cmd)); }

private:
  void apply_locally(command cmd);
};

class view_building_worker {
public:
  explicit view_building_worker(group0 &g) : _group0(g) {}

  seastar::future<> create_staging_sstable_tasks() {
    auto lock = co_await seastar::get_units(_started_staging_tasks_mutex, 1);
    command cmd;
    for (int t : _started_staging_tasks)
      cmd.tasks.push_back(t);
    co_await _group0.add_entry(std::move(cmd)); // @bug  mutex still held
  }

  // Called by the state observer, which holds the read-apply mutex.
  seastar::future<> clear_started_staging_tasks() {
    auto lock = co_await seastar::get_units(_started_staging_tasks_mutex, 1);
    _started_staging_tasks.clear();
  }

private:
  group0 &_group0;
  seastar::semaphore _started_staging_tasks_mutex{1};
  std::vector<int> _started_staging_tasks;
};

// The view building state observer reacts to group 0 state under the
// read-apply mutex.
seastar::future<> observe_view_building_state(group0 &g,
                                              view_building_worker &w) {
  auto guard = co_await seastar::get_units(g.read_apply_mutex, 1);
  co_await w.clear_started_staging_tasks();
}
// @recall-end
