// Fixed twin of scylladb/scylladb#30549: the staging-tasks mutex is released
// right after the command is built, before add_entry().
#include "stop26_mocks.hpp"
#include <utility>
#include <vector>

struct command {
  std::vector<int> tasks;
};

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
    lock.return_all();
    co_await _group0.add_entry(std::move(cmd));
  }

  seastar::future<> clear_started_staging_tasks() {
    auto lock = co_await seastar::get_units(_started_staging_tasks_mutex, 1);
    _started_staging_tasks.clear();
  }

private:
  group0 &_group0;
  seastar::semaphore _started_staging_tasks_mutex{1};
  std::vector<int> _started_staging_tasks;
};

seastar::future<> observe_view_building_state(group0 &g,
                                              view_building_worker &w) {
  auto guard = co_await seastar::get_units(g.read_apply_mutex, 1);
  co_await w.clear_started_staging_tasks();
}
