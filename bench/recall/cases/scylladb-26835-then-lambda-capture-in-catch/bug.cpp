// Reduction of scylladb/scylladb#26835: address_map::replicate() chains a
// coroutine lambda onto a stored fiber with then(); the continuation destroys
// the lambda once it has returned its future, and the lambda's catch handler
// reads the captured source_location after the coroutine has yielded.
#include "stop24_mocks.hpp"
#include <functional>
#include <source_location>

void log_replicate_failure(const char *function_name);

class address_map : public seastar::peering_sharded_service<address_map> {
public:
  // @recall-begin
  void replicate(std::function<void(address_map &)> f,
                 std::source_location l = std::source_location::current()) {
    replication_fiber_ = replication_fiber_.then(
        [this, f = std::move(f), l]() -> seastar::future<> { // @bug
          try {
            co_await container().invoke_on_others(
                [f](address_map &self) { f(self); });
          } catch (...) {
            log_replicate_failure(l.function_name()); // capture after a yield
          }
        });
  }
  // @recall-end

private:
  seastar::future<> replication_fiber_;
};
