// Fixed twin of scylladb/scylladb#11689: max_concurrent_for_each with a small
// bound (ScyllaDB's later merge_tables_and_views runs through
// max_concurrent_for_each, as the backtrace of #15905 shows).
#include "seastar_sync_mock.hpp"
#include <vector>

struct table_id {
  long id;
};
struct database {
  seastar::future<> flush_table(table_id id);
};

seastar::future<> flush_schema_tables(database &db,
                                      std::vector<table_id> column_families) {
  constexpr unsigned max_concurrent = 16;
  co_await seastar::max_concurrent_for_each(
      column_families, max_concurrent,
      [&db](const table_id &id) -> seastar::future<> {
        co_await db.flush_table(id);
      });
}
