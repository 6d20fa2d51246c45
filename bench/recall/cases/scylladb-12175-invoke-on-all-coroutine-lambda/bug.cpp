// Reduction of scylladb/scylladb#12175: run_resharding_jobs awaits
// sharded::invoke_on_all with a coroutine lambda that captures by reference;
// invoke_on_all runs a copy of the lambda per shard and drops it when the
// lambda returns its future, so after its first co_await the coroutine reaches
// `dir` through a destroyed closure.
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

// @recall-begin
seastar::future<> run_resharding_jobs(seastar::sharded<sstable_directory> &dir,
                                      std::string table) {
  unsigned max_threshold = 32;
  co_await dir.invoke_on_all(
      [&](sstable_directory &d) -> seastar::future<> { // @bug
        auto info_vec = d.take_resharding_info();
        co_await d.reshard(std::move(info_vec), table, max_threshold);
        co_await d.move_foreign_sstables(dir); // `dir` through the closure
      });
}
// @recall-end
