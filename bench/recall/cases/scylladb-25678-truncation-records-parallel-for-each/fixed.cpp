// Fixed twin of scylladb/scylladb#25678: the rows are processed with
// max_concurrent_for_each and a small bound.
#include "seastar_sync_mock.hpp"
#include <algorithm>
#include <vector>

struct result_row {
  long table;
  long shard;
};
// The rows of the truncation table (in ScyllaDB, the awaited result of a CQL
// query).
std::vector<result_row> truncated_rows();
seastar::future<> remove_truncation_record(long table, long shard);
unsigned shard_count();

seastar::future<> drop_truncation_records() {
  std::vector<result_row> rows = truncated_rows();
  unsigned max_concurrency = std::min(1024u, shard_count() * 8);
  co_await seastar::max_concurrent_for_each(
      rows, max_concurrency, [&](const result_row &row) -> seastar::future<> {
        co_await remove_truncation_record(row.table, row.shard);
      });
}
