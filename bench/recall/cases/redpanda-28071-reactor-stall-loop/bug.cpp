// Reduction of redpanda-data/redpanda#28071: a coroutine converts every
// extent of a request into a placeholder batch in one loop that never
// yields; with many extents it stalls the reactor (other tasks of the shard
// cannot run).
#include "seastar_mock.hpp"
#include <cstddef>
#include <vector>

struct extent {
  std::size_t byte_range_size;
};
struct batch {
  std::size_t size;
};
batch encode_placeholder_batch(const extent &);

struct placeholder_batches {
  std::vector<batch> batches;
  std::size_t extent_size = 0;
};

// @recall-begin
seastar::future<> convert_to_placeholders(const std::vector<extent> &extents,
                                          placeholder_batches &result) {
  for (const auto &e : extents) { // @bug
    result.batches.push_back(encode_placeholder_batch(e));
    result.extent_size += e.byte_range_size;
  }
  co_return;
}
// @recall-end
