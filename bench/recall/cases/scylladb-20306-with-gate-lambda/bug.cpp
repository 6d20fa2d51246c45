// Reduction of scylladb/scylladb#20306: the lambda given to with_gate was
// turned into a coroutine; with_gate's future is not awaited (the function
// returns at once), so the closure dies at the end of the statement while
// the coroutine still reads its captures after suspending.
#include "seastar_mock.hpp"
#include <string>

struct mutation {
  std::string key;
};
void write_hint(const mutation &);

class hint_endpoint_manager {
public:
  // @recall-begin
  bool store_hint(mutation m) {
    (void)seastar::with_gate(
        store_gate_, [this, m = std::move(m)]() -> seastar::future<> { // @bug
          co_await seastar::sleep_ms(1);
          write_hint(m); // capture of a destroyed closure
          ++stored_;
        });
    return true;
  }
  // @recall-end

private:
  seastar::gate store_gate_;
  int stored_ = 0;
};
