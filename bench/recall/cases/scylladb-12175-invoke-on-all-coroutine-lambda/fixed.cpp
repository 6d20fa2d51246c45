// Fixed twin of scylladb/scylladb#12175: the coroutine lambda is wrapped in
// seastar::coroutine::lambda, so the lambda temporary lives until the awaited
// invoke_on_all completes (the remedy of Seastar's lambda-coroutine-fiasco
// document).
#include "stop24_mocks.hpp"
#include <string>
#include <vector>

struct reshard_info {};
class sstable_directory {
public:
  std::vector<reshard_info> take_resharding_info();
  seastar::future<> reshard(std::vector<reshard_info> info, std::string table,
                            unsigned max_threshold);
  seastar::future<>
  move_foreign_sstables(seastar::sharded<sstable_directory> &dir);
};

seastar::future<> run_resharding_jobs(seastar::sharded<sstable_directory> &dir,
                                      std::string table) {
  unsigned max_threshold = 32;
  co_await dir.invoke_on_all(seastar::coroutine::lambda(
      [&](sstable_directory &d) -> seastar::future<> {
        auto info_vec = d.take_resharding_info();
        co_await d.reshard(std::move(info_vec), table, max_threshold);
        co_await d.move_foreign_sstables(dir);
      }));
}
