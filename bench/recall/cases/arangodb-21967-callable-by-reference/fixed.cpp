// Fixed twin of arangodb/arangodb#21967: the callable is moved into the
// coroutine frame (taken by value).
#include "recall_task.hpp"
#include <string>

template <class F> rc::task<int> waiting_fun_to_coro(F fun) {
  co_await rc::later{};
  co_return fun();
}

rc::task<int> schedule_count(std::string name) {
  return waiting_fun_to_coro([name] { return int(name.size()); });
}

rc::task<int> use() { co_return co_await schedule_count("shard"); }
