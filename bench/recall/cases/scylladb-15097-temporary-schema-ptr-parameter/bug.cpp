// Reduction of scylladb/scylladb#15097 (fixed by #15098): a migration
// notification coroutine takes its schema_ptr by const reference and yields;
// the caller passes the temporary schema_ptr that global_schema_ptr::get()
// returns, from a plain future-returning lambda given to invoke_on_all, so the
// temporary is destroyed while the notification is suspended.
#include "stop24_mocks.hpp"
#include <string>
#include <vector>

struct schema {
  std::string ks_name;
  std::string cf_name;
};
using schema_ptr = seastar::lw_shared_ptr<const schema>;

// Holds a schema for every shard; get() returns this shard's copy by value.
class global_schema_ptr {
public:
  explicit global_schema_ptr(const schema_ptr &s);
  schema_ptr get() const;
};

class migration_listener {
public:
  virtual seastar::future<> on_drop_column_family(const std::string &ks,
                                                  const std::string &cf) = 0;
};

class migration_notifier
    : public seastar::peering_sharded_service<migration_notifier> {
public:
  // @recall-begin
  seastar::future<> drop_column_family(const schema_ptr &s) {
    for (migration_listener *l : listeners_) {
      co_await seastar::coroutine::maybe_yield();
      co_await l->on_drop_column_family(s->ks_name, s->cf_name); // s dangles
    }
  }

  seastar::future<> notify_drop_column_family(const schema_ptr &s) {
    return container().invoke_on_all(
        [gs = global_schema_ptr(s)](migration_notifier &n) {
          return n.drop_column_family(gs.get()); // @bug
        });
  }
  // @recall-end

private:
  std::vector<migration_listener *> listeners_;
};
