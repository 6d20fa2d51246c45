// Reduction of m4saka/CoTaskLib#8: a dialog coroutine takes its text as a
// string view; the caller builds the text as a temporary string, keeps the
// task and runs it over later frames. The view dangles after the call.
#include "recall_task.hpp"
#include <string>
#include <string_view>

void draw_text(std::string_view);
void keep_running(rc::task<void> t);

// @recall-begin
rc::task<void> simple_dialog(std::string_view text) {
  co_await rc::later{}; // next frame
  draw_text(text);      // reads the caller's temporary
}
// @recall-end

// @recall-begin
void open_dialog() {
  auto t = simple_dialog(std::string{"hello"}); // @bug
  keep_running(std::move(t));
}
// @recall-end
