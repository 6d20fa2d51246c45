// RUN: %check_async_lint --modes=plugin,driver,lsp %s async-dangling-reference %t

// An eager coroutine runs from its call on, whoever keeps its handle: when
// the calling function then runs the executor to completion before what the
// coroutine borrows dies, the coroutine has finished, or nothing is left
// that could resume it. That holds when the task is kept in a local that
// dies after the run, as a program's main keeps it (reduced from a
// tutorial's clients, run by a Boost.Asio io_context).

#include <coroutine>

#include "boost/asio.hpp"

struct eager {
  struct promise_type {
    eager get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct operation {
  boost::asio::io_context &Ctx;
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
struct client {
  boost::asio::io_context &Ctx;
  int Sent = 0;
  eager flow() {
    co_await operation{Ctx};
    ++Sent;
  }
};
eager count_into(boost::asio::io_context &Ctx, int &Total) {
  co_await operation{Ctx};
  ++Total;
}
template <class Client> eager flow_of(Client &C) {
  co_await operation{C.Ctx};
  ++C.Sent;
}

#define START_FLOW(c) eager Started = (c).flow()

// --- Silent: the context is run to completion after the call, before the
// object or local dies.

int main() {
  boost::asio::io_context Ctx;
  client C{Ctx};
  eager Task = C.flow();
  Ctx.run();
}
void local_argument() {
  boost::asio::io_context Ctx;
  int Total = 0;
  eager Task = count_into(Ctx, Total);
  Ctx.run();
}
void in_a_template() {
  boost::asio::io_context Ctx;
  client C{Ctx};
  eager Task = flow_of(C);
  Ctx.run();
}
void through_a_macro() {
  boost::asio::io_context Ctx;
  client C{Ctx};
  START_FLOW(C);
  Ctx.run();
}

// --- Reported: nothing runs the context after the call before the object
// dies.

void never_run(boost::asio::io_context &Ctx) {
  client C{Ctx};
  eager Task = C.flow();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: coroutine 'flow' is called on local 'C', which the task may outlive [async-dangling-reference]
}
void run_before_the_call() {
  boost::asio::io_context Ctx;
  int Total = 0;
  Ctx.run();
  eager Task = count_into(Ctx, Total);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'Total' of coroutine 'count_into' refers to local 'Total', which the task may outlive [async-dangling-reference]
}
