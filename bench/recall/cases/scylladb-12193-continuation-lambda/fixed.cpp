// Fixed twin of scylladb/scylladb#12193: the coroutine lambda is wrapped in
// seastar::coroutine::lambda; the lambda stays a temporary of the awaiting
// full expression, alive until the operation is done (the PR).
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
  seastar::future<> list_snapshots(std::vector<std::string> &out) {
    co_await run_snapshot_list_operation(
        seastar::coroutine::lambda([this, &out]() -> seastar::future<> {
          co_await read_snapshot_dir(dir_);
          out.push_back(dir_);
        }));
  }

private:
  std::string dir_;
};
