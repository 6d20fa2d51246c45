// Reduction of microsoft/terminal#15420 (crash #15412): a coroutine lambda
// registered as an event handler takes the event's sender by forwarding
// reference, switches to the UI thread, and uses the sender there; the
// reference is to the event source's argument, gone by the time the
// coroutine resumes ("we didn't take a strong ref to the coroutine
// parameter").
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
    std::weak_ptr<TerminalTab> weak_this = weak_from_this();
    control.on_focus_follow_mouse(
        // @recall-begin
        [weak_this](auto &&sender, auto &&) -> rc::fire_and_forget {
          co_await resume_foreground();
          if (auto tab = weak_this.lock())
            tab->focus_pane(sender.id); // @bug  sender was a reference
        });
    // @recall-end
  }

private:
  void focus_pane(int id);
};
