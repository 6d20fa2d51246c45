// Reduction of scylladb/scylladb#12193 (issue #12192): a snapshot list
// operation takes a continuation, which it moves into a then() continuation
// that calls it and is then destroyed; the caller passes a coroutine lambda
// unprotected, so the lambda's captures die at its first suspension.
#include "seastar_mock.hpp"
#include <string>
#include <vector>

seastar::future<int> get_snapshot_units();
seastar::future<> read_snapshot_dir(std::string);

template <class Func> seastar::future<> run_snapshot_list_operation(Func &&f) {
  return get_snapshot_units().then(
      [f = std::forward<Func>(f)](int) mutable { return f(); });
}

class snapshot_ctl {
public:
  // @recall-begin
  seastar::future<> list_snapshots(std::vector<std::string> &out) {
    co_await run_snapshot_list_operation(
        [this, &out]() -> seastar::future<> { // @bug
          co_await read_snapshot_dir(dir_);
          out.push_back(dir_); // captures read through a destroyed closure
        });
  }
  // @recall-end

private:
  std::string dir_;
};
