// Fixed twin of m4saka/CoTaskLib#8: the overload that takes a view is no
// longer a coroutine; it hands an owning string to the coroutine.
#include "recall_task.hpp"
#include <string>
#include <string_view>

void draw_text(std::string_view);
void keep_running(rc::task<void> t);

rc::task<void> simple_dialog_impl(std::string text) {
  co_await rc::later{};
  draw_text(text);
}

rc::task<void> simple_dialog(std::string_view text) {
  return simple_dialog_impl(std::string(text));
}

void open_dialog() {
  auto t = simple_dialog(std::string{"hello"});
  keep_running(std::move(t));
}
