// Fixed twin of drogonframework/drogon#1069: the PR's async_func/async_run
// take the lambda by value into a coroutine frame that outlives it.
#include "recall_task.hpp"
#include <string>

void log_info(const std::string &);
rc::later sleep_coro(double seconds);

template <class F> rc::fire_and_forget async_run(F f) { co_await f(); }

void greet_later() {
  std::string name = "Martin";
  async_run([name]() -> rc::task<void> {
    log_info("Hello!");
    co_await sleep_coro(10);
    log_info(name);
  });
}
