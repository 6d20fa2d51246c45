// RUN: %check_async_lint %s async-blocking-call %t

// An eager coroutine runs inside its caller until it first suspends: that
// code is its caller's, as a plain function's body would be. When every
// call of it is made, before any suspension, by plain functions that are
// the program's entries other units call (a test suite's entry that
// another unit's main calls, as DPP's coro_offline_tests()), the unit does
// not show on which thread that code runs, and it claims no executor for
// it, as for any plain function. This unit defines no main. A coroutine,
// a lambda, a constructor or a virtual member as the caller, a caller
// whose address is taken, and code after a suspension are still reported.

#include <chrono>
#include <thread>

#include "dpp/coro.h"
#include "task.h"

using namespace std::chrono_literals;

#define SET_AND_AWAIT(P, V)                                                    \
  do {                                                                         \
    (P).set_value(V);                                                          \
    co_await (P).get_awaitable();                                              \
  } while (0)

struct event {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
extern event done;

// DPP's unit test shape: an await of a promise set the line before does
// not suspend; the timed waits after it run in the entry's call.
dpp::job ready_then_wait() {
  dpp::promise<int> p;
  p.set_value(42);
  int x = co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms);
  (void)x;
}

dpp::job no_await_before() { std::this_thread::sleep_for(50ms); }

dpp::job ready_in_macro() {
  dpp::promise<int> a;
  SET_AND_AWAIT(a, 1);
  std::this_thread::sleep_for(50ms);
}

template <class T> dpp::job ready_in_template(T v) {
  dpp::promise<T> p;
  p.set_value(v);
  co_await p.get_awaitable();
  std::this_thread::sleep_for(50ms);
}

// An eager coroutine called by another before that one first suspends.
dpp::job inner_job() { std::this_thread::sleep_for(50ms); }
dpp::job outer_job() {
  inner_job();
  std::this_thread::sleep_for(50ms);
  co_await done;
}

void offline_tests(); // declared in the suite's header; main calls it

void offline_tests() {
  ready_then_wait();
  no_await_before();
  ready_in_macro();
  ready_in_template(7);
  outer_job();
}

// A member function entry, through a plain helper of the unit.
struct suite {
  void run();
  void helper() { member_entry_job(); }
  static dpp::job member_entry_job() { std::this_thread::sleep_for(1ms); co_return; }
};
void suite::run() { helper(); }

// Positive twins.

dpp::promise<int> *pending; // set by another thread

// After an await that may suspend, the job runs where it is resumed.
dpp::job after_real_await() {
  co_await pending->get_awaitable();
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'after_real_await' [async-blocking-call]
}

// The entry is also called by a coroutine after it suspends: the job's
// prefix runs on that coroutine's thread.
dpp::job resumed_caller_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the executor thread inside coroutine 'resumed_caller_job' [async-blocking-call]
  co_return;
}
void shared_entry() { resumed_caller_job(); }
demo::task<> resumed() {
  co_await done;
  shared_entry();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'shared_entry' blocks the executor thread inside coroutine 'resumed' [async-blocking-call]
}

// The entry's address is handed on: a library may call it anywhere.
dpp::job handler_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}
void on_event() { handler_job(); }
void register_handler(void (*)());
void setup() { register_handler(&on_event); }

// A lambda caller: an event handler a library runs on its threads.
dpp::job lambda_called_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}
void on_message(void (*)(int));
void setup_lambda() {
  on_message([](int) { lambda_called_job(); });
}

// A constructor runs without a mention of its name.
dpp::job constructor_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}
struct starter {
  starter() { constructor_job(); }
};

// A virtual member: a library's base class may call it anywhere.
dpp::job virtual_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}
struct listener {
  virtual void on_ready() { virtual_job(); }
};

// An eager coroutine the unit does not call.
dpp::job uncalled_job() {
  std::this_thread::sleep_for(50ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks {{.*}} [async-blocking-call]
  co_return;
}
