// Reduction of drogonframework/drogon#1069: a fire-and-forget coroutine
// lambda with a by-value capture is called in place; it suspends on a timer
// and then reads its capture from the closure, which died at the `;`.
#include "recall_task.hpp"
#include <string>

void log_info(const std::string &);
rc::later sleep_coro(double seconds);

// @recall-begin
void greet_later() {
  std::string name = "Martin";
  [name]() -> rc::fire_and_forget { // @bug
    log_info("Hello!");
    co_await sleep_coro(10);
    log_info(name);
  }();
}
// @recall-end
