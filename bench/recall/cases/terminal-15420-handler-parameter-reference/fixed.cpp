// Fixed twin of microsoft/terminal#15420: the handler is a member coroutine
// that takes the sender and the arguments by value and a weak reference to
// the tab; a plain lambda forwards to it.
#include "recall_task.hpp"
#include <functional>
#include <memory>

rc::later resume_foreground();

struct Inspectable {
  int id;
};
struct FocusArgs {};
struct TermControl {
  void on_focus_follow_mouse(
      std::function<void(const Inspectable &, const FocusArgs &)> handler);
};

class TerminalTab : public std::enable_shared_from_this<TerminalTab> {
public:
  void attach(TermControl &control) {
    control.on_focus_follow_mouse(
        [weak_this = weak_from_this()](const Inspectable &sender,
                                       const FocusArgs &args) {
          if (auto tab = weak_this.lock())
            tab->focus_follow_mouse(sender, args);
        });
  }

private:
  rc::fire_and_forget focus_follow_mouse(Inspectable sender, FocusArgs) {
    auto weak_this = weak_from_this();
    co_await resume_foreground();
    if (auto tab = weak_this.lock())
      tab->focus_pane(sender.id);
  }
  void focus_pane(int id);
};
