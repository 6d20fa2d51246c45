// Fixed twin of scylladb/scylladb#15097 (#15098, "get schema_ptr by value"):
// the notification coroutine takes its schema_ptr by value, so the pointer
// lives in its frame.
#include "stop24_mocks.hpp"
#include <string>
#include <vector>

struct schema {
  std::string ks_name;
  std::string cf_name;
};
using schema_ptr = seastar::lw_shared_ptr<const schema>;

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
  seastar::future<> drop_column_family(schema_ptr s) {
    for (migration_listener *l : listeners_) {
      co_await seastar::coroutine::maybe_yield();
      co_await l->on_drop_column_family(s->ks_name, s->cf_name);
    }
  }

  seastar::future<> notify_drop_column_family(const schema_ptr &s) {
    return container().invoke_on_all(
        [gs = global_schema_ptr(s)](migration_notifier &n) {
          return n.drop_column_family(gs.get());
        });
  }

private:
  std::vector<migration_listener *> listeners_;
};
