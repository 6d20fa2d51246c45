// Fixed twin of microsoft/cppwinrt#1131 (the variant the thread shows working):
// the strong reference is taken into a coroutine local before the first
// suspension.
#include "recall_task.hpp"
#include <memory>
#include <string>

struct apartment_context {
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

  void ClickHandler() {
    [this]() -> rc::fire_and_forget {
      auto const strong_this = get_strong();
      apartment_context ui_thread;
      co_await resume_background();
      co_await ui_thread;
      strong_this->myButton().Content("Clicked");
    }();
  }
};
