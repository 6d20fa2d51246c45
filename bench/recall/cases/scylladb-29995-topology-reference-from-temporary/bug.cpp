// Reduction of scylladb/scylladb#29995: a restore task's run() binds a
// reference to the topology inside the token metadata reached through the
// temporary lw_shared_ptr returned by get(); the pointer dies at the end of the
// statement, so nothing of run() keeps that metadata alive. The range-for over
// the racks of a datacenter awaits in its body; a topology change applied
// meanwhile replaces the metadata, the old one is freed and the loop's
// iterator (and `topo`) dangle when the coroutine resumes.
#include "stop25_mocks.hpp"
#include <ranges>
#include <string>

class tablet_restore_task {
public:
  explicit tablet_restore_task(locator::shared_token_metadata &stm)
      : _stm(stm) {}

  // @recall-begin
  seastar::future<> run(std::string dc) {
    const auto &topo = _stm.get()->get_topology(); // @bug
    for (const auto &rack :
         topo.get_datacenter_racks().at(dc) | std::views::keys) {
      co_await get_snapshot_sstables(dc, rack);
    }
  }
  // @recall-end

  // Elsewhere (a Raft topology update on the same shard).
  void apply_topology_change(locator::token_metadata_ptr next) {
    _stm.set(std::move(next));
  }

private:
  seastar::future<> get_snapshot_sstables(const std::string &dc,
                                          const std::string &rack);
  locator::shared_token_metadata &_stm;
};
