// Reduction of microsoft/terminal#16412 ("a coroutine lambda does not hold onto
// captured variables"; AV crash when closing tabs): a tab registers a
// fire_and_forget coroutine lambda as the control's CloseRequested handler;
// the handler lives in the control's event, which is destroyed with the
// control while the coroutine waits to get back to the UI thread, and the
// resumed coroutine reads its weak-reference capture.
#include "recall_task.hpp"
#include <functional>
#include <memory>
#include <utility>
#include <vector>

struct DispatcherQueue {};
struct resume_foreground { // resumes the awaiting coroutine on the UI thread
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
  // The control keeps its handlers and destroys them with itself.
  void CloseRequested(Handler handler) {
    handlers_.push_back(std::move(handler));
  }

private:
  std::vector<Handler> handlers_;
};

class Tab : public std::enable_shared_from_this<Tab> {
public:
  // @recall-begin
  void AttachControl(TermControl &control, DispatcherQueue dispatcher) {
    std::weak_ptr<Tab> weakThis = weak_from_this();
    control.CloseRequested([dispatcher, weakThis](
                               auto &&, auto &&) -> rc::fire_and_forget { // @bug
      co_await resume_foreground(dispatcher);
      if (auto tab = weakThis.lock()) // the closure died with the control
        tab->ClosePane();
    });
  }
  // @recall-end
  void ClosePane();
};
