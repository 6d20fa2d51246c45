// Fixed twin of scylladb/scylladb#28201: no coroutine::lambda wrapper; the task
// object keeps the lambda itself.
#include "seastar_mock.hpp"
#include <memory>
#include <string>

seastar::future<> stream_ranges(std::string table);

template <class Func> class streaming_task_impl {
public:
  explicit streaming_task_impl(Func f) : func_(std::move(f)) {}
  seastar::future<> run() { return func_(); }

private:
  Func func_;
};
template <class Func>
std::unique_ptr<streaming_task_impl<Func>> make_streaming_task(Func f) {
  return std::make_unique<streaming_task_impl<Func>>(std::move(f));
}
void start_later(std::shared_ptr<void> task);

void handle_topology_cmd(std::string table) {
  auto task = make_streaming_task(
      [table]() -> seastar::future<> { co_await stream_ranges(table); });
  start_later(std::move(task));
}
