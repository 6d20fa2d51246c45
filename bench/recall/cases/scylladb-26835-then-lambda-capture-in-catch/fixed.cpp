// Fixed twin of scylladb/scylladb#26835: the captures used after the yield are
// copied into coroutine locals before the first suspension.
#include "stop24_mocks.hpp"
#include <functional>
#include <source_location>

void log_replicate_failure(const char *function_name);

class address_map : public seastar::peering_sharded_service<address_map> {
public:
  void replicate(std::function<void(address_map &)> f,
                 std::source_location l = std::source_location::current()) {
    replication_fiber_ = replication_fiber_.then(
        [this, f = std::move(f), l]() -> seastar::future<> {
          auto self = this;
          auto func = f;
          auto loc = l;
          try {
            co_await self->container().invoke_on_others(
                [func](address_map &m) { func(m); });
          } catch (...) {
            log_replicate_failure(loc.function_name());
          }
        });
  }

private:
  seastar::future<> replication_fiber_;
};
