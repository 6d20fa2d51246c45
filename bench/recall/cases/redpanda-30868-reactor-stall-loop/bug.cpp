// Reduction of redpanda-data/redpanda#30868: the Iceberg file committer walks
// every pending file of every partition synchronously in a coroutine; with
// many pending files this is a reactor stall.
#include "seastar_mock.hpp"
#include <map>
#include <string>
#include <vector>

struct data_file {
  std::string path;
  long rows;
};
struct commit_builder {
  void add(const data_file &);
};

// @recall-begin
seastar::future<>
add_pending(const std::map<int, std::vector<data_file>> &pending,
            commit_builder &b) {
  for (const auto &[partition, files] : pending) {
    for (const auto &f : files) { // @bug
      b.add(f);
    }
  }
  co_return;
}
// @recall-end
