// Reduction of microsoft/terminal#19752: a member fire-and-forget coroutine
// of a reference-counted object touches `this` after co_await; the object may
// be released while the coroutine is suspended. (cppwinrt's get_strong /
// get_weak are written here as std::enable_shared_from_this.)
#include "recall_task.hpp"
#include <memory>
#include <string>
#include <vector>

rc::task<std::vector<std::string>> filter_snippets();
rc::later resume_foreground();

class SnippetsPane : public std::enable_shared_from_this<SnippetsPane> {
public:
  // @recall-begin
  void on_open() { refresh(); }
  // @recall-end

private:
  // @recall-begin
  rc::fire_and_forget refresh() {
    auto items = co_await filter_snippets();
    co_await resume_foreground();
    items_ = std::move(items); // @bug  `this` may be gone
  }
  // @recall-end
  std::vector<std::string> items_;
};
