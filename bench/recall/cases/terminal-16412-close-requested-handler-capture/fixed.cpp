// Fixed twin of microsoft/terminal#16412: the weak reference is copied onto
// the coroutine frame before the first co_await ("the only thing that gets
// captured in coroutines", as the code's comment says after the fix).
#include "recall_task.hpp"
#include <functional>
#include <memory>
#include <utility>
#include <vector>

struct DispatcherQueue {};
struct resume_foreground {
  explicit resume_foreground(DispatcherQueue);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};

struct CloseRequestedArgs {};
class TermControl {
public:
  using Handler =
      std::function<void(const TermControl &, const CloseRequestedArgs &)>;
  void CloseRequested(Handler handler) {
    handlers_.push_back(std::move(handler));
  }

private:
  std::vector<Handler> handlers_;
};

class Tab : public std::enable_shared_from_this<Tab> {
public:
  void AttachControl(TermControl &control, DispatcherQueue dispatcher) {
    std::weak_ptr<Tab> weakThis = weak_from_this();
    control.CloseRequested(
        [dispatcher, weakThis](auto &&, auto &&) -> rc::fire_and_forget {
          const auto weakThisCopy = weakThis;
          co_await resume_foreground(dispatcher);
          if (auto tab = weakThisCopy.lock())
            tab->ClosePane();
        });
  }
  void ClosePane();
};
