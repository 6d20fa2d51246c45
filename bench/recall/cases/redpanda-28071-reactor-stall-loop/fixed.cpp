// Fixed twin of redpanda-data/redpanda#28071: the loop yields to the reactor
// when it is asked to (the PR's first version; it later used an async
// for_each helper that does the same).
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

seastar::future<> convert_to_placeholders(const std::vector<extent> &extents,
                                          placeholder_batches &result) {
  for (const auto &e : extents) {
    result.batches.push_back(encode_placeholder_batch(e));
    result.extent_size += e.byte_range_size;
    co_await seastar::coroutine::maybe_yield();
  }
  co_return;
}
