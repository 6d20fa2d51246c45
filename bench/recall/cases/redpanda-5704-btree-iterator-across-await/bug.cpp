// Reduction of redpanda-data/redpanda#5704: a coroutine of the remote
// partition walks its segment map (an absl::btree_map, which keeps neither
// iterators nor pointers stable when it is modified) with an iterator and
// awaits each segment; segments are added to and evicted from the map
// meanwhile, and the resumed loop increments an invalid iterator (segfault).
#include "seastar_sync_mock.hpp"
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace absl {
// The few members used here. A B-tree: insert and erase may move elements
// between nodes, invalidating every iterator.
template <class K, class V> class btree_map {
public:
  using value_type = std::pair<const K, V>;
  using iterator = value_type *;
  iterator begin();
  iterator end();
  iterator upper_bound(const K &key);
  std::pair<iterator, bool> insert(value_type v);
  std::size_t erase(const K &key);
};
} // namespace absl

struct tx_range {
  long first, last;
};
struct remote_segment {
  seastar::future<std::vector<tx_range>> aborted_transactions(long begin,
                                                              long end);
};
using segment_ptr = seastar::lw_shared_ptr<remote_segment>;

class remote_partition {
public:
  // @recall-begin
  seastar::future<std::vector<tx_range>> aborted_transactions(long begin,
                                                              long end) {
    std::vector<tx_range> result;
    auto first_it = _segments.upper_bound(begin);
    if (first_it != _segments.begin())
      first_it = std::prev(first_it);
    for (auto it = first_it; it != _segments.end(); it++) { // @bug
      if (it->first > end)
        break;
      co_await it->second->aborted_transactions(begin, end);
    }
    co_return result;
  }
  // @recall-end

  void materialize(long base_offset, segment_ptr s) {
    _segments.insert({base_offset, std::move(s)});
  }
  void evict(long base_offset) { _segments.erase(base_offset); }

private:
  absl::btree_map<long, segment_ptr> _segments;
};
