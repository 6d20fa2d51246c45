// Fixed twin of microsoft/terminal#16065: the host is held by a shared_ptr
// (enable_shared_from_this); the handler takes a weak reference before the
// await and checks it after.
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

class AppHost : public std::enable_shared_from_this<AppHost> {
public:
  void initialize() {
    _window->on_initialized([weak = weak_from_this()] {
      if (auto self = weak.lock())
        self->_window_initialized();
    });
  }

private:
  rc::fire_and_forget _window_initialized() {
    auto weak_this = weak_from_this();
    _window->show();
    co_await resume_foreground();
    auto self = weak_this.lock();
    if (!self)
      co_return;
    self->_window->set_title(self->_title);
  }
  std::unique_ptr<IslandWindow> _window;
  std::string _title;
};

class WindowThread {
public:
  void refrigerate() { _host.reset(); }

private:
  std::shared_ptr<AppHost> _host;
};
