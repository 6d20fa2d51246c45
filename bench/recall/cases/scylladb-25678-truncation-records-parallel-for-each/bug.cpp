// Reduction of scylladb/scylladb#25678 (issue #25682): dropping the
// truncation records runs one coroutine per row of the truncation table with
// coroutine::parallel_for_each; a large table makes a huge parallel
// execution that consumes a lot of resources for trivial work.
#include "seastar_sync_mock.hpp"
#include <vector>

struct result_row {
  long table;
  long shard;
};
// The rows of the truncation table (in ScyllaDB, the awaited result of a CQL
// query).
std::vector<result_row> truncated_rows();
seastar::future<> remove_truncation_record(long table, long shard);

// @recall-begin
seastar::future<> drop_truncation_records() {
  std::vector<result_row> rows = truncated_rows();
  co_await seastar::coroutine::parallel_for_each(
      rows, [&](const result_row &row) -> seastar::future<> { // @bug
        co_await remove_truncation_record(row.table, row.shard);
      });
}
// @recall-end
