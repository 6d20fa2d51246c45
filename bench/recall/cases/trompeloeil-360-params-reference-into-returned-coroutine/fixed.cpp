// Fixed twin of rollbear/trompeloeil#360: the handler's call() is not a
// coroutine; it copies the parameters into the frame of the coroutine it
// starts, so the returned task owns them.
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

struct co_return_handler : return_handler {
  std::function<int(call_params &)> func;
  rc::task<int> call(trace_agent &, call_params &params) override {
    return run(func, params);
  }
  static rc::task<int> run(std::function<int(call_params &)> f,
                           call_params params) {
    co_return f(params);
  }
};

struct mock_fetcher {
  return_handler *handler;
  rc::task<int> fetch(int id, std::string key) {
    call_params param_value{id, std::move(key)};
    trace_agent agent;
    return handler->call(agent, param_value);
  }
};

rc::task<int> use(mock_fetcher &m) { co_return co_await m.fetch(1, "k"); }
