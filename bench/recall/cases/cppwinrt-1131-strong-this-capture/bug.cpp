// Reduction of microsoft/cppwinrt#1131: a click handler calls a
// fire_and_forget coroutine lambda in place, with a strong reference to the
// page in its capture; the lambda temporary is destroyed at the first
// suspension, and the coroutine uses the capture after switching back to the
// UI thread.
#include "recall_task.hpp"
#include <memory>
#include <string>

struct apartment_context { // resumes the awaiting coroutine on this apartment
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume() const noexcept {}
};
rc::later resume_background();

struct Button {
  void Content(const std::string &);
};

class MainPage : public std::enable_shared_from_this<MainPage> {
public:
  std::shared_ptr<MainPage> get_strong() { return shared_from_this(); }
  Button myButton();

  // @recall-begin
  void ClickHandler() {
    [strong_this = get_strong()]() -> rc::fire_and_forget { // @bug
      apartment_context ui_thread;
      co_await resume_background();
      co_await ui_thread;
      strong_this->myButton().Content("Clicked"); // capture of a dead closure
    }();
  }
  // @recall-end
};
