// Reduction of rollbear/trompeloeil#360: for a mocked coroutine function, the
// mock collects the call's arguments in a local tuple and passes it by
// reference to a return handler whose call() is a coroutine (CO_RETURN); the
// handler's lazy task keeps the reference, the mock returns the task, and the
// local is gone when the caller runs it.
#include "recall_task.hpp"
#include <functional>
#include <string>
#include <tuple>
#include <utility>

struct trace_agent {};
using call_params = std::tuple<int, std::string>;

struct return_handler {
  virtual ~return_handler() = default;
  virtual rc::task<int> call(trace_agent &agent, call_params &params) = 0;
};

// The handler CO_RETURN installs.
struct co_return_handler : return_handler {
  std::function<int(call_params &)> func;
  // @recall-begin
  rc::task<int> call(trace_agent &, call_params &params) override {
    co_return func(params); // runs when the task is awaited
  }
  // @recall-end
};

struct mock_fetcher {
  return_handler *handler;
  // @recall-begin
  rc::task<int> fetch(int id, std::string key) {
    call_params param_value{id, std::move(key)};
    trace_agent agent;
    return handler->call(agent, param_value); // @bug
  }
  // @recall-end
};

rc::task<int> use(mock_fetcher &m) { co_return co_await m.fetch(1, "k"); }
