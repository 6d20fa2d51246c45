// Fixed twin of redpanda-data/redpanda#30868: a yield point per file (the PR
// added co_await ss::coroutine::maybe_yield() in these loops).
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

seastar::future<>
add_pending(const std::map<int, std::vector<data_file>> &pending,
            commit_builder &b) {
  for (const auto &[partition, files] : pending) {
    for (const auto &f : files) {
      co_await seastar::coroutine::maybe_yield();
      b.add(f);
    }
  }
  co_return;
}
