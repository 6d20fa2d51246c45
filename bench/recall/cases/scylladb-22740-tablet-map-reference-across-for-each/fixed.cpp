// Fixed twin of scylladb/scylladb#22740: contains() holds a token_metadata_ptr
// while it walks the tablets, so the tablet_map stays alive across the yields
// of for_each_tablet.
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

  seastar::future<bool> contains(int task_id) const {
    for (auto t : get_table_ids()) {
      bool has_task = false;
      auto tmptr = _ss.get_token_metadata_ptr();
      auto &tmap = tmptr->tablets().get_tablet_map(t);
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

private:
  std::vector<locator::table_id> get_table_ids() const;
  storage_service &_ss;
};
