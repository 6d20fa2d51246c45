// Fixed twin of microsoft/terminal#19752: a strong reference is taken before
// the first suspension and held across it (the PR's get_strong()).
#include "recall_task.hpp"
#include <memory>
#include <string>
#include <vector>

rc::task<std::vector<std::string>> filter_snippets();
rc::later resume_foreground();

class SnippetsPane : public std::enable_shared_from_this<SnippetsPane> {
public:
  void on_open() { refresh(); }

private:
  rc::fire_and_forget refresh() {
    auto strong = shared_from_this();
    auto items = co_await filter_snippets();
    co_await resume_foreground();
    strong->items_ = std::move(items);
  }
  std::vector<std::string> items_;
};
