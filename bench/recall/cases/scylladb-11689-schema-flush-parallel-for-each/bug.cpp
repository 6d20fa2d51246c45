// Reduction of scylladb/scylladb#11689 (issue #11574, long reactor stalls
// with many tables): merging a schema change flushes every affected table
// with coroutine::parallel_for_each, one flush per table, all at once; with
// thousands of tables the loop queues thousands of futures without yielding
// and runs them all concurrently.
#include "seastar_sync_mock.hpp"
#include <vector>

struct table_id {
  long id;
};
struct database {
  seastar::future<> flush_table(table_id id);
};

// @recall-begin
seastar::future<> flush_schema_tables(database &db,
                                      std::vector<table_id> column_families) {
  co_await seastar::coroutine::parallel_for_each(
      column_families, [&db](const table_id &id) -> seastar::future<> { // @bug
        co_await db.flush_table(id);
      });
}
// @recall-end
