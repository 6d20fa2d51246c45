// Fixed twin of scylladb/scylladb#29678: the lock of shard 0 is taken first,
// and only then the locks of the other shards; whichever fiber wins shard 0
// takes all the others before the second one can pass shard 0.
#include "stop26_mocks.hpp"
#include <utility>
#include <vector>

struct tables_metadata {
  seastar::rwlock cf_lock;
};
struct database {
  tables_metadata &get_tables_metadata();
  void drop_table_locally();
  void reload_schema_locally();
};
struct tables_metadata_lock_on_all_shards {
  std::vector<seastar::rwlock::holder> locks;
  void assign_lock(seastar::rwlock::holder h) { locks.push_back(std::move(h)); }
};

seastar::future<tables_metadata_lock_on_all_shards>
lock_tables_metadata(seastar::sharded<database> &sharded_db) {
  tables_metadata_lock_on_all_shards locks;
  co_await sharded_db.invoke_on(
      0, [&locks, &sharded_db](database &db) -> seastar::future<> {
        locks.assign_lock(
            co_await db.get_tables_metadata().cf_lock.hold_write_lock());
        co_await sharded_db.invoke_on_others([&locks](database &other)
                                                 -> seastar::future<> {
          locks.assign_lock(
              co_await other.get_tables_metadata().cf_lock.hold_write_lock());
        });
      });
  co_return std::move(locks);
}

seastar::future<> reload_schema(seastar::sharded<database> &sharded_db) {
  auto locks = co_await lock_tables_metadata(sharded_db);
  sharded_db.local().reload_schema_locally();
}

seastar::future<>
legacy_drop_table_on_all_shards(seastar::sharded<database> &sharded_db) {
  auto locks = co_await lock_tables_metadata(sharded_db);
  sharded_db.local().drop_table_locally();
}

seastar::future<> topology_state_load(seastar::sharded<database> &sharded_db) {
  (void)reload_schema(sharded_db);
  co_await legacy_drop_table_on_all_shards(sharded_db);
}
