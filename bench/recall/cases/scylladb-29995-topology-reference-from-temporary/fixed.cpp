// Fixed twin of scylladb/scylladb#29995: run() holds the token_metadata_ptr in
// a local for the whole loop, so the metadata the loop walks stays alive
// across the suspensions even when a topology change replaces it.
#include "stop25_mocks.hpp"
#include <ranges>
#include <string>

class tablet_restore_task {
public:
  explicit tablet_restore_task(locator::shared_token_metadata &stm)
      : _stm(stm) {}

  seastar::future<> run(std::string dc) {
    auto tmptr = _stm.get();
    const auto &topo = tmptr->get_topology();
    for (const auto &rack :
         topo.get_datacenter_racks().at(dc) | std::views::keys) {
      co_await get_snapshot_sstables(dc, rack);
    }
  }

  void apply_topology_change(locator::token_metadata_ptr next) {
    _stm.set(std::move(next));
  }

private:
  seastar::future<> get_snapshot_sstables(const std::string &dc,
                                          const std::string &rack);
  locator::shared_token_metadata &_stm;
};
