// Fixed twin of scylladb/scylladb#20306: the captures are moved into the
// coroutine's own locals before its first suspension (the fix "moved the
// captures of the lambda into the lambda's body"); the eager coroutine runs
// that part while the closure is alive.
#include "seastar_mock.hpp"
#include <string>

struct mutation {
  std::string key;
};
void write_hint(const mutation &);

class hint_endpoint_manager {
public:
  bool store_hint(mutation m) {
    (void)seastar::with_gate(
        store_gate_, [this, m = std::move(m)]() mutable -> seastar::future<> {
          auto *self = this;
          mutation local = std::move(m);
          co_await seastar::sleep_ms(1);
          write_hint(local);
          ++self->stored_;
        });
    return true;
  }

private:
  seastar::gate store_gate_;
  int stored_ = 0;
};
