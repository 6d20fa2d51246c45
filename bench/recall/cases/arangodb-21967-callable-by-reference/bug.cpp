// Reduction of arangodb/arangodb#21967: a helper coroutine takes a callable
// by forwarding reference and calls it after suspending; the caller passes a
// lambda temporary and returns the task, so the callable is gone when the
// coroutine resumes.
#include "recall_task.hpp"
#include <string>

// @recall-begin
template <class F> rc::task<int> waiting_fun_to_coro(F &&fun) {
  co_await rc::later{}; // wait until the fun may run
  co_return fun();      // the caller's lambda is already destroyed
}
// @recall-end

// @recall-begin
rc::task<int> schedule_count(std::string name) {
  return waiting_fun_to_coro([name] { return int(name.size()); }); // @bug
}
// @recall-end

rc::task<int> use() { co_return co_await schedule_count("shard"); }
