// Reduction of apple/foundationdb#12954: `auto const& res = co_await f();`
// where f() returns a temporary future whose await_resume hands out a
// reference into the future's own state. The future dies at the end of the
// full expression; `res` dangles.
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

// @recall-begin
rc::task<void> scan(int begin, int end) {
  auto const &rows = co_await read_range(begin, end); // @bug
  apply(rows);
}
// @recall-end
