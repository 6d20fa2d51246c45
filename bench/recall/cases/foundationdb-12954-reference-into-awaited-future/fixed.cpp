// Fixed twin of apple/foundationdb#12954: the result is held by value (the
// project used an owning AsyncResult wrapper to the same effect).
#include "recall_task.hpp"
#include <memory>
#include <string>
#include <vector>

namespace fdb {
template <class T> class Future {
public:
  struct State {
    std::optional<T> value;
    std::coroutine_handle<> waiter;
  };
  bool await_ready() const noexcept { return state_->value.has_value(); }
  void await_suspend(std::coroutine_handle<> h) noexcept { state_->waiter = h; }
  const T &await_resume() const { return *state_->value; }

private:
  std::shared_ptr<State> state_ = std::make_shared<State>();
};
} // namespace fdb

fdb::Future<std::vector<std::string>> read_range(int begin, int end);
void apply(const std::vector<std::string> &);

rc::task<void> scan(int begin, int end) {
  auto rows = co_await read_range(begin, end);
  apply(rows);
}
