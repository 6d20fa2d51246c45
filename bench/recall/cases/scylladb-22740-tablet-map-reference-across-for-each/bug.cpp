// Reduction of scylladb/scylladb#22740 (issue #22316): a virtual task's
// contains() takes a reference to a table's tablet_map inside the current
// token metadata, which nothing of the coroutine owns, and awaits
// for_each_tablet over it; for_each_tablet yields between tablets, a topology
// change replaces the metadata meanwhile and the tablet_map being walked is
// freed.
#include "stop25_mocks.hpp"
#include <vector>

class storage_service {
public:
  const locator::token_metadata &get_token_metadata() const {
    return *_stm.get();
  }
  locator::token_metadata_ptr get_token_metadata_ptr() const {
    return _stm.get();
  }
  void apply_topology_change(locator::token_metadata_ptr next) {
    _stm.set(std::move(next));
  }

private:
  locator::shared_token_metadata _stm;
};

class tablet_virtual_task {
public:
  explicit tablet_virtual_task(storage_service &ss) : _ss(ss) {}

  // @recall-begin
  seastar::future<bool> contains(int task_id) const {
    for (auto t : get_table_ids()) {
      bool has_task = false;
      auto &tmap = _ss.get_token_metadata().tablets().get_tablet_map(t); // @bug
      co_await tmap.for_each_tablet(
          [&](locator::tablet_id, const locator::tablet_info &info) {
            has_task = has_task || info.replicas.size() == size_t(task_id);
            return seastar::make_ready_future();
          });
      if (has_task) {
        co_return true;
      }
    }
    co_return false;
  }
  // @recall-end

private:
  std::vector<locator::table_id> get_table_ids() const;
  storage_service &_ss;
};
