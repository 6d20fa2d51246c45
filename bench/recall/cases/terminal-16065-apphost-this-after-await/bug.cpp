// Reduction of microsoft/terminal#16065 (crash #16061, 8.7% of the crashes of
// one release): a fire-and-forget event handler of the window host awaits;
// while it is suspended the message pump runs and the window thread
// "refrigerates" (destroys) the host, and the resumed handler uses `this`.
#include "recall_task.hpp"
#include <functional>
#include <memory>
#include <string>

rc::later resume_foreground();

struct IslandWindow {
  void on_initialized(std::function<void()> handler);
  void show();
  void set_title(const std::string &title);
};

class AppHost {
public:
  // @recall-begin
  void initialize() {
    _window->on_initialized([this] { _window_initialized(); });
  }
  // @recall-end

private:
  // @recall-begin
  rc::fire_and_forget _window_initialized() {
    _window->show();
    co_await resume_foreground();
    _window->set_title(_title); // @bug  the host may be gone
  }
  // @recall-end
  std::unique_ptr<IslandWindow> _window;
  std::string _title;
};

class WindowThread {
public:
  void refrigerate() { _host.reset(); }

private:
  std::unique_ptr<AppHost> _host;
};
